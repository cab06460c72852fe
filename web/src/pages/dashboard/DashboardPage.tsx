import {
  Badge,
  Card,
  Grid,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCalendarEvent, IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useOrganisation } from '../../queries.ts';
import type { Presidency, Priority } from '../../types.ts';
import { AttentionCard } from './AttentionCard.tsx';
import { DirectoryCounts } from './DirectoryCounts.tsx';
import { useHome } from './home.ts';
import { RecentCard } from './RecentCard.tsx';

function PresidencyCard({ presidency }: { presidency: Presidency }) {
  const { t } = useTranslation();
  const { text, date } = useFormat();
  return (
    <Card data-testid="presidency">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
              <IconFlag size={24} />
            </ThemeIcon>
            <div>
              <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
                {t('dashboard.presidency')}
              </Text>
              <Title order={2} fz={22} data-testid="presiding-state">
                {text(presidency.state.name)}
              </Title>
            </div>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconCalendarEvent size={16} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm" c="dimmed">
              <VisuallyHidden>{t('dashboard.term')}: </VisuallyHidden>
              {t('dashboard.termRange', { from: date(presidency.from), to: date(presidency.to) })}
            </Text>
          </Group>
        </Group>
        <Text
          component="blockquote"
          fz="lg"
          fs="italic"
          c="navy.9"
          m={0}
          pl="md"
          style={{ borderLeft: '3px solid var(--mantine-color-navy-3)' }}
          data-testid="slogan"
        >
          {text(presidency.slogan)}
        </Text>
      </Stack>
    </Card>
  );
}

function PriorityCard({ priority, index }: { priority: Priority; index: number }) {
  const { text, number } = useFormat();
  return (
    <Card data-testid="priority" h="100%">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Badge size="lg" variant="light" radius="sm" style={{ flexShrink: 0 }} aria-hidden>
            {number(index + 1)}
          </Badge>
          <Title order={3} fz="md" lh={1.4}>
            {text(priority.title)}
          </Title>
        </Group>
        {priority.items.length > 0 ? (
          <List size="sm" spacing={6} c="dark.5" withPadding>
            {priority.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity beyond their position
              <List.Item key={i}>{text(item)}</List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const query = useOrganisation();
  const home = useHome();
  const organisation = query.data?.organisation;
  return (
    <Stack gap="lg">
      <PageHeader
        title={organisation ? text(organisation.name) : t('dashboard.title')}
        description={
          organisation || query.isPending ? t('dashboard.subtitle') : t('dashboard.noOrganisation')
        }
      />
      <QueryState query={home}>
        {({ attention, recent, since }) => (
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <AttentionCard items={attention} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <RecentCard items={recent} since={since} />
            </Grid.Col>
          </Grid>
        )}
      </QueryState>
      <QueryState query={query}>
        {({ presidency }) =>
          presidency ? (
            <>
              <PresidencyCard presidency={presidency} />
              <Title order={2} fz="lg" mt="sm">
                {t('dashboard.priorities')}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {presidency.priorities.map((priority, index) => (
                  <PriorityCard key={priority.code} priority={priority} index={index} />
                ))}
              </SimpleGrid>
            </>
          ) : (
            <Card>
              <Text c="dimmed">{t('dashboard.noPresidency')}</Text>
            </Card>
          )
        }
      </QueryState>
      <DirectoryCounts />
    </Stack>
  );
}
