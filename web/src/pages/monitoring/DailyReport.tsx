import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Indicator,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import { IconCalendarEvent, IconCheck, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppModal } from '../../components/AppModal.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { fieldPaths } from '../decisions/mutations.ts';
import { useMonitoringNames } from './labels.tsx';
import { type DailyReport as Daily, type Mission, useApproveDaily, useDailyReport } from './missionsApi.ts';

/** The head of mission approves the day with a summary of their own. */
function ApproveModal({ mission, daily, onClose }: { mission: Mission; daily: Daily; onClose: () => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState(false);
  const approve = useApproveDaily(mission.id, daily.day, () => {
    notifySuccess(t('missions.daily.approvedDone', { day: date(daily.day) }));
    onClose();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = !summary.trim();
    setMissing(empty);
    if (!empty) approve.mutate(summary.trim());
  };
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('missions.daily.approveTitle', { day: date(daily.day) })}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="approve-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('missions.daily.approveHint', { count: daily.compiled.reports })}
          </Text>
          <FormError error={approve.error} placed={['summary']} />
          <Textarea
            label={t('missions.daily.summary')}
            required
            autosize
            minRows={4}
            maxRows={14}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={missing ? t('form.required') : fieldPaths(approve.error).summary}
            data-autofocus
            data-testid="approve-summary"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={approve.isPending}
              leftSection={<IconCheck size={16} aria-hidden />}
              data-testid="approve-submit"
            >
              {t('missions.daily.approve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** What was compiled for the day: counts by category, the deaths, the notable events. */
function Compiled({ daily }: { daily: Daily }) {
  const { t } = useTranslation();
  const names = useMonitoringNames();
  const { dateTime } = useFormat();
  const c = daily.compiled;
  if (c.reports === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="daily-empty">
        {t('missions.daily.noReports')}
      </Text>
    );
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Table withTableBorder data-testid="daily-counts">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{t('missions.daily.category')}</Table.Th>
              <Table.Th ta="right">{t('missions.daily.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.byCategory.map((row) => (
              <Table.Tr key={row.category} data-testid="daily-count" data-category={row.category}>
                <Table.Td>{names.category(row.category)}</Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={700}>{t('missions.daily.total')}</Table.Td>
              <Table.Td ta="right" fw={700} data-testid="daily-total">
                {c.reports}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('missions.daily.fatalities')}</Table.Td>
              <Table.Td
                ta="right"
                c={c.fatalities > 0 ? 'red.8' : undefined}
                fw={c.fatalities > 0 ? 700 : undefined}
              >
                {c.fatalities}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="xs" data-testid="daily-notable">
          <Text fw={600} size="sm">
            {t('missions.daily.notable', { count: c.notable.length })}
          </Text>
          {c.notable.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('missions.daily.noNotable')}
            </Text>
          ) : (
            c.notable.map((n) => (
              <Stack key={n.id} gap={0} data-testid="notable-event">
                <Group gap={6}>
                  <Anchor component={Link} to={`/reports/${n.id}`} size="sm" fw={600}>
                    {n.reference}
                  </Anchor>
                  <Text size="sm">{n.title}</Text>
                  {(n.fatalities ?? 0) > 0 ? (
                    <Badge color="red" size="sm" variant="light">
                      {t('missions.daily.deaths', { count: n.fatalities ?? 0 })}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {names.category(n.category)} · {dateTime(n.occurredAt)}
                </Text>
              </Stack>
            ))
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/**
 * A day of the mission: pick it (days with reports marked), see what its reports compile to,
 * and, for the head of mission, approve it with a summary; an approved day shows who
 * approved it and when, and stays as approved.
 */
export function DailyReportCard({
  mission,
  day,
  today,
  reportDays,
  onDay,
}: {
  mission: Mission;
  day: string;
  /** Today in the organisation's zone: later days have not begun. */
  today: string;
  /** The days on which the mission's reports happened (marked in the picker). */
  reportDays: Set<string>;
  onDay: (day: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { date, dateTime } = useFormat();
  const daily = useDailyReport(mission.id, day);
  const [approving, setApproving] = useState(false);
  const last = mission.to < today ? mission.to : today;
  return (
    <Card p="md" withBorder data-testid="daily-report">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {t('missions.daily.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('missions.daily.description')}
            </Text>
          </Stack>
          <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
            <DatePickerInput
              label={t('missions.daily.day')}
              leftSection={<IconCalendarEvent size={16} aria-hidden />}
              value={day}
              onChange={(d) => d && onDay(d.slice(0, 10))}
              minDate={mission.from}
              maxDate={last}
              valueFormat="D MMMM YYYY"
              w={220}
              renderDay={(d) => {
                const n = Number(d.slice(8, 10));
                return (
                  <Indicator size={5} color="blue" offset={-2} disabled={!reportDays.has(d.slice(0, 10))}>
                    <div>{n}</div>
                  </Indicator>
                );
              }}
              data-testid="daily-day"
            />
          </DatesProvider>
        </Group>
        <QueryState query={daily}>
          {({ daily: d }) => (
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap" gap="sm">
                {d.status === 'approved' ? (
                  <Group gap="xs" data-testid="daily-approved">
                    <Badge color="teal" leftSection={<IconRosetteDiscountCheck size={12} aria-hidden />}>
                      {t('missions.daily.approved')}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t('missions.daily.approvedBy', {
                        who: d.approvedBy ?? '—',
                        at: dateTime(d.approvedAt),
                      })}
                    </Text>
                  </Group>
                ) : (
                  <Group gap="xs" data-testid="daily-draft">
                    <Badge color="gray" variant="light">
                      {t('missions.daily.draft')}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t('missions.daily.compiledNow', { day: date(d.day), zone: d.compiled.zone })}
                    </Text>
                  </Group>
                )}
                {d.status === 'draft' && mission.abilities.approveDaily && d.day <= today ? (
                  <Button
                    leftSection={<IconCheck size={16} aria-hidden />}
                    onClick={() => setApproving(true)}
                    data-testid="daily-approve"
                  >
                    {t('missions.daily.approve')}
                  </Button>
                ) : null}
              </Group>
              {d.status === 'approved' && d.summary ? (
                <Alert
                  color="teal"
                  variant="light"
                  title={t('missions.daily.summaryOfHead')}
                  data-testid="daily-summary"
                >
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {d.summary}
                  </Text>
                </Alert>
              ) : null}
              <Compiled daily={d} />
              {approving ? (
                <ApproveModal mission={mission} daily={d} onClose={() => setApproving(false)} />
              ) : null}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
