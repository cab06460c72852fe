import { Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type BodyOf, client, ok } from '../../api/client.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import type { AccessLevel, Role, User } from '../../types.ts';
import { AccessLevelSelect, NameAndEmailFields, RoleSelect } from './UserFormFields.tsx';
import { useUserMutation } from './useUserMutation.ts';

type UserChanges = BodyOf<'/api/users/{id}', 'patch'>;

function EditForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email ?? '');
  const [role, setRole] = useState<Role>(user.role);
  const [accessLevel, setAccessLevel] = useState<AccessLevel>(user.accessLevel);
  const [missing, setMissing] = useState<Record<string, string>>({});

  const save = useUserMutation(
    (changes: UserChanges) =>
      ok(client.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: changes })),
    (saved) => t('users.updated', { name: saved.displayName }),
    onClose,
  );
  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!displayName.trim()) {
      setMissing({ displayName: t('form.required') });
      return;
    }
    setMissing({});
    // Send only what changed, so a field the caller may not touch is left alone.
    const changes: UserChanges = {};
    if (displayName.trim() !== user.displayName) changes.displayName = displayName.trim();
    if (email.trim() !== (user.email ?? '') && email.trim()) changes.email = email.trim();
    if (role !== user.role) changes.role = role;
    if (accessLevel !== user.accessLevel) changes.accessLevel = accessLevel;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    save.mutate(changes);
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="edit-user-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed" ff="monospace">
          {user.username}
        </Text>
        <FormError error={save.error} placed={['displayName', 'email', 'role', 'accessLevel']} />
        <NameAndEmailFields
          displayName={displayName}
          email={email}
          onDisplayName={setDisplayName}
          onEmail={setEmail}
          errors={{ ...serverErrors, ...missing }}
        />
        <RoleSelect value={role} onChange={setRole} error={serverErrors.role} />
        <AccessLevelSelect value={accessLevel} onChange={setAccessLevel} error={serverErrors.accessLevel} />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={user !== null} onClose={onClose} title={t('users.editTitle')}>
      {user ? <EditForm key={user.id} user={user} onClose={onClose} /> : null}
    </AppModal>
  );
}
