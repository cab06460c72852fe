import { Card, Group, SimpleGrid, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconFlag, IconHierarchy2, IconWorld } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useBodies, usePartners, useStates } from '../../queries.ts';

function CountCard({
  to,
  label,
  count,
  icon: Icon,
}: {
  to: string;
  label: string;
  count: number | undefined;
  icon: ComponentType<{ size?: number }>;
}) {
  const { number } = useFormat();
  return (
    <UnstyledButton component={Link} to={to} style={{ display: 'block' }}>
      <Card>
        <Group gap="md" wrap="nowrap">
          <ThemeIcon size={38} radius="md" variant="light" color="gray" aria-hidden>
            <Icon size={20} />
          </ThemeIcon>
          <div>
            <Text fz={22} fw={600} lh={1.1}>
              {count === undefined ? '—' : number(count)}
            </Text>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
          </div>
        </Group>
      </Card>
    </UnstyledButton>
  );
}

export function DirectoryCounts() {
  const { t } = useTranslation();
  const states = useStates();
  const bodies = useBodies();
  const partners = usePartners();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <CountCard to="/states" label={t('nav.states')} count={states.data?.items.length} icon={IconFlag} />
      <CountCard
        to="/bodies"
        label={t('nav.bodies')}
        count={bodies.data?.items.length}
        icon={IconHierarchy2}
      />
      <CountCard
        to="/partners"
        label={t('nav.partners')}
        count={partners.data?.items.length}
        icon={IconWorld}
      />
    </SimpleGrid>
  );
}
