import { Alert, Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { type Hotline, type HotlineMessage, useHotline, useMessages } from './api.ts';
import { Composer } from './Composer.tsx';
import { ContactsCard } from './ContactsCard.tsx';
import { useStateName } from './labels.tsx';
import { MessageCard } from './MessageCard.tsx';

/** The thread, newest first; `?message=<id>` is loaded (page after page), scrolled to and highlighted. */
function Thread({ hotline, onReply }: { hotline: Hotline; onReply: (m: HotlineMessage) => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const target = params.get('message');
  const messages = useMessages(hotline.code);
  const items = messages.data?.pages.flatMap((p) => p.items) ?? [];
  const byId = new Map(items.map((m) => [m.id, m]));
  const scrolled = useRef<string | null>(null);
  const found = !!target && byId.has(target);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;

  // The message asked for is further back: load the next page until it is there.
  useEffect(() => {
    if (target && messages.data && !found && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [target, found, messages.data, hasNextPage, isFetchingNextPage, fetchNextPage]);
  useEffect(() => {
    if (!target || !found || scrolled.current === target) return;
    scrolled.current = target;
    document.getElementById(`message-${target}`)?.scrollIntoView({ block: 'center' });
  }, [target, found]);

  const show = (id: string) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        next.set('message', id);
        return next;
      },
      { replace: true },
    );

  return (
    <QueryState query={messages}>
      {() => (
        <Stack gap="sm" data-testid="thread">
          {target && !found && !hasNextPage ? (
            <Alert color="gray" variant="light">
              {t('hotline.thread.notFound')}
            </Alert>
          ) : null}
          {items.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg">
              {t('hotline.thread.empty')}
            </Text>
          ) : (
            items.map((m) => (
              <MessageCard
                key={m.id}
                hotline={hotline}
                message={m}
                answered={m.replyTo ? byId.get(m.replyTo) : undefined}
                highlighted={m.id === target}
                onReply={onReply}
                onShow={show}
              />
            ))
          )}
          <LoadMore pages={messages} label={t('hotline.thread.loadMore')} testId="thread-load-more" />
        </Stack>
      )}
    </QueryState>
  );
}

/**
 * A hotline: the message thread (acknowledge, reply, escalations marked), writing to the
 * other side, and both sides' duty contacts. Anyone who may not read it gets the not-found page.
 */
export function HotlinePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const stateName = useStateName();
  const hotline = useHotline(code);
  const [replyTo, setReplyTo] = useState<HotlineMessage | null>(null);
  const composer = useRef<HTMLDivElement>(null);

  if (hotline.error instanceof ApiError && (hotline.error.status === 404 || hotline.error.status === 400))
    return <NotFoundPage />;
  return (
    <QueryState query={hotline}>
      {({ hotline: h }) => (
        <>
          <Anchor component={Link} to="/hotlines" size="sm">
            {t('hotline.page.back')}
          </Anchor>
          <PageHeader
            title={
              <Group gap="sm" component="span">
                <span>{t('hotline.page.title', { code: h.code })}</span>
                {h.mySide ? (
                  <Badge variant="light" size="lg">
                    {t('hotline.page.speakingFor', { state: stateName(h.mySide) })}
                  </Badge>
                ) : null}
              </Group>
            }
            description={`${h.states.map(stateName).join(' — ')} · ${t('hotline.window', {
              minutes: h.acknowledgeWithinMinutes,
            })} · ${t('hotline.escalatesTo', {
              to: h.escalateTo.map((e) => t(`hotline.escalateTo.${e}`)).join(', '),
            })}`}
          />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
              <Stack gap="md">
                {!h.active ? (
                  <Alert color="gray" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                    {t('hotline.inactive')}
                  </Alert>
                ) : null}
                {h.abilities.send && h.active ? (
                  <div ref={composer}>
                    <Composer
                      hotline={h}
                      replyTo={replyTo}
                      onCancelReply={() => setReplyTo(null)}
                      onSent={() => setReplyTo(null)}
                    />
                  </div>
                ) : !h.mySide ? (
                  <Alert color="gray" variant="light">
                    {t('hotline.page.readOnly')}
                  </Alert>
                ) : null}
                <Title order={2} size="h4">
                  {t('hotline.thread.heading')}
                </Title>
                <Thread
                  hotline={h}
                  onReply={(m) => {
                    setReplyTo(m);
                    composer.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
                  }}
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
              <Stack gap="md">
                <ContactsCard hotline={h} />
                <Card p="md" withBorder>
                  <Stack gap={4}>
                    <Title order={2} size="h5">
                      {t('hotline.page.howItWorks')}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t('hotline.page.rules', { minutes: h.acknowledgeWithinMinutes })}
                    </Text>
                  </Stack>
                </Card>
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </QueryState>
  );
}
