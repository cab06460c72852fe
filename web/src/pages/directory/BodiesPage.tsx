import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useBodies, useStates } from '../../queries.ts';
import type { Body } from '../../types.ts';

function BodyCard({ body, stateName }: { body: Body; stateName: (code: string) => string }) {
  const { t } = useTranslation();
  const { text, number } = useFormat();
  return (
    <Card h="100%" data-testid="body-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} fz="md" lh={1.4}>
            {text(body.name)}
          </Title>
          <Badge variant="light" radius="sm" style={{ flexShrink: 0 }}>
            {t(`bodyKinds.${body.kind}`, { defaultValue: body.kind })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
          {t('bodies.members', { count: body.members.length, formatted: number(body.members.length) })}
        </Text>
        {body.members.length ? (
          <Group gap={6}>
            {body.members.map((code) => (
              <Badge key={code} variant="outline" color="gray" radius="sm" tt="none" fw={500} c="dark.6">
                {stateName(code)}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('bodies.noMembers')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function BodiesPage() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const bodies = useBodies();
  const states = useStates();
  const stateName = (code: string) => {
    const state = states.data?.items.find((s) => s.code === code);
    return state ? text(state.name) : code;
  };
  return (
    <>
      <PageHeader title={t('bodies.title')} description={t('bodies.description')} />
      <QueryState query={bodies}>
        {({ items }) =>
          items.length ? (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              {items.map((body) => (
                <BodyCard key={body.code} body={body} stateName={stateName} />
              ))}
            </SimpleGrid>
          ) : (
            <Text c="dimmed">{t('bodies.empty')}</Text>
          )
        }
      </QueryState>
    </>
  );
}
