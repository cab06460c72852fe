import { Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, client, ok } from '../../api/client.ts';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { KEYS } from '../../queries.ts';

const MIN_LENGTH = 10;

export function PasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  // Revoking the API tokens too is the default: a changed password should shut out whoever knew the old one.
  const [revokeTokens, setRevokeTokens] = useState(true);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();

  const change = useMutation({
    mutationFn: () =>
      ok(client.POST('/api/auth/password', { body: { currentPassword, newPassword, revokeTokens } })),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      setConfirm('');
      if (revokeTokens) void queryClient.invalidateQueries({ queryKey: KEYS.tokens });
      notifySuccess(t(revokeTokens ? 'account.password.changedTokensRevoked' : 'account.password.changed'));
    },
  });

  const serverErrors = change.error instanceof ApiError ? change.error.fieldErrors() : {};
  // A wrong current password comes back as 401 without a field; put it by the field anyway.
  if (change.error instanceof ApiError && change.error.status === 401 && !serverErrors.currentPassword) {
    serverErrors.currentPassword = t('account.password.wrongCurrent');
  }
  const errors = { ...serverErrors, ...checked };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!currentPassword) found.currentPassword = t('form.required');
    if (newPassword.length < MIN_LENGTH) found.newPassword = t('form.minLength', { count: MIN_LENGTH });
    if (confirm !== newPassword) found.confirm = t('account.password.mismatch');
    setChecked(found);
    if (Object.keys(found).length === 0) change.mutate();
  };

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate data-testid="password-form">
        <Stack gap="md">
          <div>
            <Title order={2} fz="lg">
              {t('account.password.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('account.password.description', { count: MIN_LENGTH })}
            </Text>
          </div>
          <FormError error={change.error} placed={['currentPassword', 'newPassword']} />
          <PasswordField
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <PasswordField
            label={t('account.password.new')}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={errors.newPassword}
          />
          <PasswordField
            label={t('account.password.confirm')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
          />
          <Checkbox
            label={t('account.password.revokeTokens')}
            description={t('account.password.revokeTokensHint')}
            checked={revokeTokens}
            onChange={(e) => setRevokeTokens(e.currentTarget.checked)}
            data-testid="revoke-tokens"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
