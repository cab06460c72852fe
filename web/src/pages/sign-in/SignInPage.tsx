import { Alert, Box, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, client, ok } from '../../api/client.ts';
import { OrganisationMark } from '../../components/AppLayout.tsx';
import { DemoBanner } from '../../components/DemoBanner.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useSession } from '../../session.tsx';

function useSignInError() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('errors.unknown');
    switch (error.code) {
      case 'unauthenticated':
        return t('signIn.invalid');
      case 'too_many_requests':
        return t('signIn.tooMany');
      case 'network':
        return t('errors.network');
      default:
        return error.message || t('errors.unknown');
    }
  };
}

export function SignInPage() {
  const { t } = useTranslation();
  const { user, meta, setSession } = useSession();
  const { text } = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const errorMessage = useSignInError();

  const signIn = useMutation({
    mutationFn: () => ok(client.POST('/api/auth/sign-in', { body: { username: username.trim(), password } })),
    onSuccess: (session) => {
      setSession(session);
      void navigate(from, { replace: true });
    },
  });

  if (user) return <Navigate to={from} replace />;

  const fieldErrors = signIn.error instanceof ApiError ? signIn.error.fieldErrors() : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      username: username.trim() ? undefined : t('form.required'),
      password: password ? undefined : t('form.required'),
    };
    setMissing(next);
    if (next.username || next.password) return;
    signIn.mutate();
  };

  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Stack maw={440} mx="auto" gap="lg">
        <Group justify="space-between" wrap="nowrap">
          <OrganisationMark />
          <LanguageSwitch />
        </Group>
        <DemoBanner />
        <Paper p="xl" shadow="xs">
          <Box component="form" onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={1} fz={24}>
                  {t('signIn.title')}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {meta?.organisation ? text(meta.organisation.name) : t('signIn.subtitle')}
                </Text>
              </div>
              {signIn.error ? (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
                  {errorMessage(signIn.error)}
                </Alert>
              ) : null}
              <TextInput
                label={t('signIn.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                data-autofocus
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={missing.username ?? fieldErrors.username}
              />
              <PasswordField
                label={t('signIn.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={missing.password ?? fieldErrors.password}
              />
              <Button type="submit" fullWidth loading={signIn.isPending}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </Box>
        </Paper>
        <Center>
          <Text size="xs" c="dimmed">
            {t('app.footer', { version: meta?.version ?? '' })}
          </Text>
        </Center>
      </Stack>
    </Box>
  );
}
