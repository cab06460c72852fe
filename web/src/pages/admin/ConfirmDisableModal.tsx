import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/QueryState.tsx';
import type { User } from '../../types.ts';
import { useUserMutation } from './useUserMutation.ts';

export function ConfirmDisableModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const disable = useUserMutation(
    (id: string) => ok(client.POST('/api/users/{id}/disable', { params: { path: { id } } })),
    (saved) => t('users.disabledNotice', { name: saved.displayName }),
    onClose,
  );
  const close = () => {
    disable.reset();
    onClose();
  };
  return (
    <AppModal opened={user !== null} onClose={close} title={t('users.disableTitle')}>
      {user ? (
        <Stack gap="md">
          <Text size="sm">{t('users.disableBody', { name: user.displayName })}</Text>
          {disable.error ? <ErrorAlert error={disable.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={disable.isPending} onClick={() => disable.mutate(user.id)}>
              {t('users.disable')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </AppModal>
  );
}
