import { Badge, Button, Card, Center, Group, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useStateName } from '../decisions/labels.ts';
import { type Consultation, useMessages, usePostMessage } from './api.ts';
import { chronological, problemFor, problemsOf } from './helpers.ts';
import { StepError } from './parts.tsx';

/** The talks: messages oldest first (earlier ones on demand), and writing one while the consultation is open. */
export function MessagesCard({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const stateName = useStateName();
  const messages = useMessages(c.id);
  const [body, setBody] = useState('');
  const [tried, setTried] = useState(false);
  const post = usePostMessage(c.id, () => {
    setBody('');
    setTried(false);
  });
  const viewport = useRef<HTMLDivElement>(null);
  const thread = chronological(messages.data?.pages ?? []);
  const last = thread.at(-1)?.id;

  // The newest message in view when it arrives (written here, or live from another participant).
  useEffect(() => {
    if (last && viewport.current) viewport.current.scrollTo({ top: viewport.current.scrollHeight });
  }, [last]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (body.trim()) post.mutate(body.trim());
  };

  return (
    <Card data-testid="messages">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('consultations.messages.title')}
        </Title>
        <QueryState query={messages}>
          {() =>
            thread.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('consultations.messages.empty')}
              </Text>
            ) : (
              <ScrollArea.Autosize mah={560} viewportRef={viewport} type="auto" offsetScrollbars>
                <Stack gap="sm">
                  {messages.hasNextPage ? (
                    <Center>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => void messages.fetchNextPage()}
                        loading={messages.isFetchingNextPage}
                        data-testid="messages-earlier"
                      >
                        {t('consultations.messages.earlier')}
                      </Button>
                    </Center>
                  ) : null}
                  <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
                    {thread.map((m) => (
                      <Stack
                        component="li"
                        key={m.id}
                        gap={4}
                        p="sm"
                        bg={m.state ? 'gray.0' : 'indigo.0'}
                        style={{ borderRadius: 'var(--mantine-radius-md)' }}
                        data-testid="message"
                      >
                        <Group gap="xs" justify="space-between" wrap="wrap">
                          <Group gap="xs" wrap="nowrap">
                            <Text size="sm" fw={600}>
                              {m.author}
                            </Text>
                            <Badge size="xs" variant="light" color={m.state ? 'gray' : 'indigo'} tt="none">
                              {m.state ? stateName(m.state) : t('consultations.messages.secretariat')}
                            </Badge>
                          </Group>
                          <Text size="xs" c="dimmed">
                            <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
                          </Text>
                        </Group>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          {m.body}
                        </Text>
                      </Stack>
                    ))}
                  </Stack>
                </Stack>
              </ScrollArea.Autosize>
            )
          }
        </QueryState>
        {c.abilities.message ? (
          <form onSubmit={submit} noValidate data-testid="message-form">
            <Stack gap="xs">
              <StepError error={post.error} placed={['body']} />
              <Textarea
                label={t('consultations.messages.new')}
                description={t('consultations.messages.hint')}
                autosize
                minRows={2}
                maxRows={10}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
                }}
                error={
                  tried && !body.trim() ? t('form.required') : problemFor(problemsOf(post.error), 'body')
                }
                maxLength={20_000}
                data-testid="message-text"
              />
              <Button
                type="submit"
                leftSection={<IconSend size={16} aria-hidden />}
                loading={post.isPending}
                style={{ alignSelf: 'flex-end' }}
                data-testid="message-send"
              >
                {t('consultations.messages.send')}
              </Button>
            </Stack>
          </form>
        ) : (
          <Text size="xs" c="dimmed">
            {t('consultations.messages.ended')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
