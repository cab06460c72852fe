import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useStateName } from '../clearances/labels.tsx';
import { type ReportVersion, useReportVersions } from './api.ts';
import {
  useMonitoringNames,
  useOccurredAt,
  usePlaceText,
  usePointText,
  useSourceGrading,
} from './labels.tsx';
import { changesBetween, type FieldChange } from './versions.ts';

/** A field's value as the history shows it, in the reader's words. */
function useValueText() {
  const { t } = useTranslation();
  const names = useMonitoringNames();
  const occurredAt = useOccurredAt();
  const placeText = usePlaceText();
  const grading = useSourceGrading();
  const pointText = usePointText();
  const stateName = useStateName();
  return (change: FieldChange, value: FieldChange['before'], version: ReportVersion): string => {
    if (value === null || value === undefined || value === '') return '—';
    switch (change.field) {
      case 'category':
        return names.category(value as string);
      case 'occurredAt':
        return occurredAt(value as string, version.timePrecision);
      case 'timePrecision':
        return t(`monitoring.timePrecision.${value as string}`);
      case 'point':
        return pointText(value as NonNullable<ReportVersion['point']>);
      case 'place':
        return placeText(value as NonNullable<ReportVersion['place']>);
      case 'region':
        return names.region(value as string);
      case 'state':
        return stateName(value as string);
      case 'actors':
        return (value as string[]).join(', ') || '—';
      case 'source': {
        const source = value as ReportVersion['source'];
        return [source.name, grading(source)].filter(Boolean).join(' · ');
      }
      case 'classification':
      case 'protection':
        return t(`levels.${value as string}`);
      case 'description': {
        const text = value as string;
        return text.length > 160 ? `${text.slice(0, 160)}…` : text;
      }
      default:
        return String(value);
    }
  };
}

/** Every version of the report, newest first: who, when, why, and what changed from the one before. */
export function ReportVersions({ id }: { id: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const versions = useReportVersions(id);
  const valueText = useValueText();
  return (
    <Card data-testid="report-versions">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('monitoring.versions.title')}
        </Title>
        <QueryState query={versions}>
          {({ items }) => (
            <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {items
                .map((v, i) => ({
                  version: v,
                  changes: changesBetween(items[i - 1], v),
                  previous: items[i - 1],
                }))
                .reverse()
                .map(({ version, changes, previous }) => (
                  <Stack
                    key={version.version}
                    component="li"
                    gap={4}
                    pb="sm"
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                    data-testid="report-version"
                  >
                    <Group gap="xs" wrap="wrap">
                      <Badge variant="light" color="navy" radius="sm">
                        {t('monitoring.versions.version', { n: version.version })}
                      </Badge>
                      <Text size="sm" fw={600}>
                        {version.changedBy ?? t('monitoring.withheld.short')}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {dateTime(version.changedAt)}
                      </Text>
                    </Group>
                    {version.reason ? (
                      <Text size="sm">
                        <Text span fw={600}>
                          {t('monitoring.versions.reason')}:
                        </Text>{' '}
                        {version.reason}
                      </Text>
                    ) : null}
                    {!previous ? (
                      <Text size="xs" c="dimmed">
                        {t('monitoring.versions.first')}
                      </Text>
                    ) : changes.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        {t('monitoring.versions.noChange')}
                      </Text>
                    ) : (
                      <List size="sm" spacing={2}>
                        {changes.map((c) => (
                          <List.Item key={c.field}>
                            <Text span size="sm" fw={600}>
                              {t(`monitoring.versions.field.${c.field}`)}:
                            </Text>{' '}
                            <Text span size="sm" c="dimmed" td="line-through">
                              {valueText(c, c.before, previous)}
                            </Text>{' '}
                            →{' '}
                            <Text span size="sm">
                              {valueText(c, c.after, version)}
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Stack>
                ))}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
