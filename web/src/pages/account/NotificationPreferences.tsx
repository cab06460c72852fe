import { Alert, Card, Checkbox, Stack, Table, Text, Title } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok, type Schema } from '../../api/client.ts';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import { NOTIFICATION_KEYS, useNotificationPreferences } from '../../notifications.ts';

type KindChoice = Schema<'NotificationKindChoice'>;

/** Saves one kind's channels; the server answers every kind's, which replace the cached ones. */
function useSaveChoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: KindChoice) =>
      ok(client.PUT('/api/me/notification-preferences', { body: { kinds: [choice] } })),
    onSuccess: (data) => queryClient.setQueryData(NOTIFICATION_KEYS.preferences, data),
  });
}

/** How each kind of notification reaches the person: in the app, by e-mail, both or neither. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  const save = useSaveChoice();

  return (
    <Card id="notification-preferences">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {t('notifications.preferences.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('notifications.preferences.descriptionChannels')}
          </Text>
        </div>
        <QueryState query={preferences}>
          {({ preferences: { kinds, email } }) => {
            const emailUsable = email.available && email.address !== null;
            return (
              <Stack gap="sm">
                {!email.available ? (
                  <Alert
                    color="gray"
                    variant="light"
                    icon={<IconMailOff aria-hidden />}
                    data-testid="email-off"
                  >
                    {t('notifications.preferences.emailOff')}
                  </Alert>
                ) : email.address === null ? (
                  <Alert
                    color="yellow"
                    variant="light"
                    icon={<IconMailOff aria-hidden />}
                    data-testid="email-no-address"
                  >
                    {t('notifications.preferences.noAddress')}
                  </Alert>
                ) : (
                  <Text size="sm" data-testid="email-to">
                    {t('notifications.preferences.emailTo', { email: email.address })}
                  </Text>
                )}
                <Table verticalSpacing={6} horizontalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('notifications.preferences.kindColumn')}</Table.Th>
                      <Table.Th ta="center">{t('notifications.preferences.inApp')}</Table.Th>
                      <Table.Th ta="center">{t('notifications.preferences.byEmail')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {kinds.map(({ kind, inApp, email: byEmail }) => {
                      const label = t(`notifications.preferences.kind.${kind}`);
                      return (
                        <Table.Tr key={kind}>
                          <Table.Td>
                            <Text size="sm">{label}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Checkbox
                              mx="auto"
                              w="fit-content"
                              aria-label={`${label}: ${t('notifications.preferences.inApp')}`}
                              checked={inApp}
                              disabled={save.isPending}
                              onChange={(e) =>
                                save.mutate({ kind, inApp: e.currentTarget.checked, email: byEmail })
                              }
                              data-testid={`notification-pref-${kind}`}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Checkbox
                              mx="auto"
                              w="fit-content"
                              aria-label={`${label}: ${t('notifications.preferences.byEmail')}`}
                              checked={byEmail}
                              disabled={save.isPending || (!emailUsable && !byEmail)}
                              onChange={(e) => save.mutate({ kind, inApp, email: e.currentTarget.checked })}
                              data-testid={`notification-email-${kind}`}
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Stack>
            );
          }}
        </QueryState>
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </Card>
  );
}
