import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAffiliationLabel } from '../../components/userLabels.ts';
import { useMe } from '../../session.tsx';

export function ProfileCard() {
  const { t } = useTranslation();
  const me = useMe();
  const affiliation = useAffiliationLabel();
  const rows: [string, string][] = [
    [t('users.fields.username'), me.username],
    [t('users.fields.email'), me.email ?? '—'],
    [t('people.affiliation'), affiliation(me)],
    [t('people.role'), t(`roles.${me.role}`)],
    [t('users.fields.accessLevel'), t(`levels.${me.accessLevel}`)],
  ];
  return (
    <Card>
      <Stack gap="md">
        <Title order={2} fz="lg">
          {me.displayName}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
                {label}
              </Text>
              <Text size="sm">{value}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
