import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  useNotificationPreferences,
  useSavePreferences,
} from '../../notifications.ts';

export function NotificationPreferences() {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  const save = useSavePreferences();

  const toggle = (disabled: NotificationKind[], kind: NotificationKind, enabled: boolean) => {
    const next = enabled ? disabled.filter((k) => k !== kind) : [...disabled, kind];
    save.mutate(NOTIFICATION_KINDS.filter((k) => next.includes(k)));
  };

  return (
    <Card id="notification-preferences">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {t('notifications.preferences.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('notifications.preferences.description')}
          </Text>
        </div>
        <QueryState query={preferences}>
          {({ preferences: { disabled } }) => (
            <Stack gap="sm">
              {NOTIFICATION_KINDS.map((kind) => (
                <Switch
                  key={kind}
                  label={t(`notifications.preferences.kind.${kind}`)}
                  checked={!disabled.includes(kind)}
                  disabled={save.isPending}
                  onChange={(event) => toggle(disabled, kind, event.currentTarget.checked)}
                  data-testid={`notification-pref-${kind}`}
                />
              ))}
            </Stack>
          )}
        </QueryState>
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </Card>
  );
}
