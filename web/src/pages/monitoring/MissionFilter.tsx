import { Anchor, CloseButton, Group, Paper, Text } from '@mantine/core';
import { IconBinoculars } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMission } from './missionsApi.ts';

/** The reports list narrowed to one observation mission's reports: which, and a way back to all. */
export function MissionFilter({ id, onClear }: { id: string; onClear: () => void }) {
  const { t } = useTranslation();
  const mission = useMission(id);
  const m = mission.data?.mission;
  return (
    <Paper p="xs" px="sm" mb="sm" withBorder radius="md" bg="blue.0" data-testid="mission-filter">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconBinoculars size={18} aria-hidden />
          <Text size="sm">
            {t('missions.filter.only')}{' '}
            <Anchor component={Link} to={`/missions/${id}`} size="sm" fw={600}>
              {m ? `${m.reference} · ${m.name}` : t('missions.filter.mission')}
            </Anchor>
          </Text>
        </Group>
        <CloseButton aria-label={t('missions.filter.clear')} onClick={onClear} />
      </Group>
    </Paper>
  );
}
