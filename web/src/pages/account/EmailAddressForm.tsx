import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, client, ok } from '../../api/client.ts';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { NOTIFICATION_KEYS } from '../../notifications.ts';
import { useMe, useSession } from '../../session.tsx';

/** The person's own e-mail address: where their notifications by e-mail go. */
export function EmailAddressForm() {
  const { t } = useTranslation();
  const me = useMe();
  const { updateUser } = useSession();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(me.email ?? '');
  useEffect(() => setEmail(me.email ?? ''), [me.email]);

  const save = useMutation({
    mutationFn: (next: string | null) => ok(client.PATCH('/api/me', { body: { email: next } })),
    onSuccess: ({ user }) => {
      updateUser(user);
      void queryClient.invalidateQueries({ queryKey: NOTIFICATION_KEYS.preferences });
      notifySuccess(
        user.email ? t('account.email.saved', { email: user.email }) : t('account.email.removed'),
      );
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const trimmed = email.trim();
  const unchanged = trimmed === (me.email ?? '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!unchanged) save.mutate(trimmed === '' ? null : trimmed);
  };

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate data-testid="email-form">
        <Stack gap="md">
          <div>
            <Title order={2} fz="lg">
              {t('account.email.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('account.email.description')}
            </Text>
          </div>
          <FormError error={save.error} placed={['email']} />
          <TextInput
            type="email"
            label={t('account.email.label')}
            placeholder="name@example.org"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            data-testid="email-input"
          />
          <Group justify="flex-end">
            {me.email ? (
              <Button
                variant="subtle"
                color="red"
                disabled={save.isPending}
                onClick={() => save.mutate(null)}
              >
                {t('account.email.remove')}
              </Button>
            ) : null}
            <Button type="submit" loading={save.isPending} disabled={unchanged}>
              {t('account.email.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
