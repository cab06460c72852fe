import { Badge, Button, Card, Code, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { KEYS, useTokens } from '../../queries.ts';
import type { ApiTokenItem } from '../../types.ts';
import { CreateTokenForm } from './CreateTokenForm.tsx';
import { TokenCreatedModal } from './TokenCreatedModal.tsx';

function Nowrap({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Text>
  );
}

function TokenStatus({ item }: { item: ApiTokenItem }) {
  const { t } = useTranslation();
  if (item.revokedAt)
    return (
      <Badge color="gray" variant="outline" radius="sm" miw="max-content">
        {t('account.tokens.revoked')}
      </Badge>
    );
  if (item.expiresAt && new Date(item.expiresAt).getTime() < Date.now()) {
    return (
      <Badge color="orange" variant="light" radius="sm" miw="max-content">
        {t('account.tokens.expired')}
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" radius="sm" miw="max-content">
      {t('account.tokens.active')}
    </Badge>
  );
}

function RevokeModal({ item, onClose }: { item: ApiTokenItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => ok(client.DELETE('/api/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: KEYS.tokens });
      notifySuccess(t('account.tokens.revokedNotice'));
      onClose();
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <AppModal opened={item !== null} onClose={close} title={t('account.tokens.revokeTitle')}>
      {item ? (
        <Stack gap="md">
          <Text size="sm">{t('account.tokens.revokeBody', { name: item.name })}</Text>
          {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(item.id)}>
              {t('account.tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </AppModal>
  );
}

export function TokensSection() {
  const { t } = useTranslation();
  const { dateTime, shortDate } = useFormat();
  const tokens = useTokens();
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenItem | null>(null);

  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {t('account.tokens.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.tokens.description')}
          </Text>
        </div>
        <CreateTokenForm onCreated={setCreated} />
        <QueryState query={tokens}>
          {({ items }) => (
            <DataTable<ApiTokenItem>
              testId="tokens-table"
              caption={t('account.tokens.title')}
              empty={t('account.tokens.empty')}
              rows={items}
              rowKey={(i) => i.id}
              minWidth={600}
              columns={[
                {
                  key: 'name',
                  header: t('account.tokens.name'),
                  cell: (i) => (
                    <Stack gap={2}>
                      <Text size="sm" fw={500}>
                        {i.name}
                      </Text>
                      <Code fz="xs" w="fit-content">
                        {i.prefix}…
                      </Code>
                    </Stack>
                  ),
                },
                {
                  key: 'created',
                  header: t('account.tokens.createdAt'),
                  cell: (i) => <Nowrap>{shortDate(i.createdAt)}</Nowrap>,
                },
                {
                  key: 'used',
                  header: t('account.tokens.lastUsedAt'),
                  cell: (i) => (
                    <Text size="sm" title={i.lastUsedAt ? dateTime(i.lastUsedAt) : undefined}>
                      {i.lastUsedAt ? shortDate(i.lastUsedAt) : t('account.tokens.never')}
                    </Text>
                  ),
                },
                {
                  key: 'expires',
                  header: t('account.tokens.expiresAt'),
                  cell: (i) => (
                    <Nowrap>{i.expiresAt ? shortDate(i.expiresAt) : t('account.tokens.noExpiry')}</Nowrap>
                  ),
                },
                { key: 'status', header: t('people.status'), cell: (i) => <TokenStatus item={i} /> },
                {
                  key: 'actions',
                  header: <VisuallyHidden>{t('users.actions')}</VisuallyHidden>,
                  cell: (i) =>
                    i.revokedAt ? null : (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        onClick={() => setRevoking(i)}
                        aria-label={t('account.tokens.revokeNamed', { name: i.name })}
                      >
                        {t('account.tokens.revoke')}
                      </Button>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Stack>
      <TokenCreatedModal token={created} onClose={() => setCreated(null)} />
      <RevokeModal item={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}
