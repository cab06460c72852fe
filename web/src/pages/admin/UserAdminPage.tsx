import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PersonName } from '../../components/PersonName.tsx';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import { useAffiliationLabel } from '../../components/userLabels.ts';
import { useUsers } from '../../queries.ts';
import type { User } from '../../types.ts';
import { ConfirmDisableModal } from './ConfirmDisableModal.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { useUserMutation } from './useUserMutation.ts';

function StatusBadge({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.disabled) {
    return (
      <Badge color="gray" variant="filled" radius="sm" miw="max-content" data-testid="status-disabled">
        {t('users.status.disabled')}
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" radius="sm" miw="max-content" data-testid="status-active">
      {t('users.status.active')}
    </Badge>
  );
}

export function UserAdminPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const affiliation = useAffiliationLabel();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);
  const enable = useUserMutation(
    (id: string) => ok(client.POST('/api/users/{id}/enable', { params: { path: { id } } })),
    (saved) => t('users.enabledNotice', { name: saved.displayName }),
  );

  const canCreate = users.data?.abilities.create ?? false;
  const anyAction = users.data?.items.some((u) => u.abilities.update || u.abilities.disable) ?? false;

  const actionsColumn: Column<User> = {
    key: 'actions',
    header: t('users.actions'),
    cell: (u) => (
      <Group gap={6} wrap="nowrap">
        {u.abilities.update ? (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setEditing(u)}
            aria-label={t('users.editNamed', { name: u.displayName })}
          >
            {t('common.edit')}
          </Button>
        ) : null}
        {u.abilities.disable && !u.disabled ? (
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            leftSection={<IconUserOff size={14} aria-hidden />}
            onClick={() => setDisabling(u)}
            aria-label={t('users.disableNamed', { name: u.displayName })}
          >
            {t('users.disable')}
          </Button>
        ) : null}
        {u.abilities.disable && u.disabled ? (
          <Button
            size="compact-sm"
            variant="light"
            color="teal"
            leftSection={<IconUserCheck size={14} aria-hidden />}
            loading={enable.isPending && enable.variables === u.id}
            onClick={() => enable.mutate(u.id)}
            aria-label={t('users.enableNamed', { name: u.displayName })}
          >
            {t('users.enable')}
          </Button>
        ) : null}
      </Group>
    ),
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          canCreate ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={openCreate}
              data-testid="create-user"
            >
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <QueryState query={users}>
        {({ items }) => (
          <Stack gap="md">
            {!canCreate && !anyAction ? (
              <Alert variant="light" color="gray">
                {t('users.readOnly')}
              </Alert>
            ) : null}
            {enable.error ? <ErrorAlert error={enable.error} /> : null}
            <DataTable<User>
              testId="users-table"
              caption={t('users.title')}
              empty={t('people.empty')}
              rows={items}
              rowKey={(u) => u.id}
              minWidth={720}
              columns={[
                {
                  key: 'name',
                  header: t('people.name'),
                  cell: (u) => <PersonName displayName={u.displayName} username={u.username} />,
                },
                {
                  key: 'affiliation',
                  header: t('people.affiliation'),
                  cell: (u) => <Text size="sm">{affiliation(u)}</Text>,
                },
                {
                  key: 'role',
                  header: t('users.roleAndAccessLevel'),
                  cell: (u) => (
                    <Stack gap={0}>
                      <Text size="sm">{t(`roles.${u.role}`)}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`levels.${u.accessLevel}`)}
                      </Text>
                    </Stack>
                  ),
                },
                { key: 'status', header: t('people.status'), cell: (u) => <StatusBadge user={u} /> },
                ...(anyAction ? [actionsColumn] : []),
              ]}
            />
          </Stack>
        )}
      </QueryState>
      <CreateUserModal opened={creating} onClose={closeCreate} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <ConfirmDisableModal user={disabling} onClose={() => setDisabling(null)} />
    </>
  );
}
