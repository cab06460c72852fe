import { Anchor, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconMapPin, IconPencil } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useOrganisation } from '../../queries.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { useReportPoints } from './api.ts';
import { ChangeMissionModal } from './ChangeMissionModal.tsx';
import { DailyReportCard } from './DailyReport.tsx';
import { MapPanel, type MapReport, toMapReport } from './MapPanel.tsx';
import { MissionMembers } from './MissionMembers.tsx';
import { MandateLink, MissionStatusBadge, useAreaWords } from './MissionsPage.tsx';
import { dayIn, type Mission, useMission } from './missionsApi.ts';

/** The code under which the mission's own outline is drawn beside the organisation's regions. */
const OUTLINE = 'mission-outline';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

/** The mission's page, once it has loaded. */
function MissionView({ mission: m }: { mission: Mission }) {
  const [changing, setChanging] = useState(false);
  const { t } = useTranslation();
  const { date } = useFormat();
  const navigate = useNavigate();
  const area = useAreaWords();
  const organisation = useOrganisation();
  const zone = organisation.data?.organisation.timeZone ?? 'UTC';
  const [params, setParams] = useSearchParams();
  const filters = {
    status: null,
    category: null,
    region: null,
    from: null,
    to: null,
    q: null,
    mission: m.id,
  };
  const points = useReportPoints(filters);
  const reports = points.data?.items ?? [];
  const mapped = reports.map(toMapReport).filter((r): r is MapReport => !!r);
  const reportDays = new Set(reports.map((r) => dayIn(zone, r.occurredAt)));

  const today = dayIn(zone, new Date().toISOString());
  const last = m.to.localeCompare(today) < 0 ? m.to : today; // ISO days: the earlier
  // The day asked in the address, else the last day with reports, else the last day begun.
  const asked = params.get('day');
  const latestReport = [...reportDays]
    .filter((d) => d >= m.from && d <= last)
    .sort()
    .pop();
  const day =
    asked && /^\d{4}-\d{2}-\d{2}$/.test(asked)
      ? asked
      : (latestReport ?? (m.from.localeCompare(last) <= 0 ? last : m.from));
  const setDay = (d: string) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        next.set('day', d);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Anchor component={Link} to="/missions" size="sm">
        {t('missions.page.back')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <span>{m.name}</span>
            <MissionStatusBadge status={m.status} />
          </Group>
        }
        description={`${m.reference} · ${date(m.from)} – ${date(m.to)}`}
        actions={
          <Group gap="sm">
            {m.abilities.manage ? (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setChanging(true)}
                data-testid="mission-change"
              >
                {t('missions.change.action')}
              </Button>
            ) : null}
            <Button
              component={Link}
              to={`/reports?mission=${m.id}`}
              variant="default"
              leftSection={<IconMapPin size={16} aria-hidden />}
              data-testid="mission-reports"
            >
              {t('missions.page.reports', { count: m.reports })}
            </Button>
          </Group>
        }
      />
      {changing ? <ChangeMissionModal mission={m} onClose={() => setChanging(false)} /> : null}
      <Stack gap="md">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card p="md" withBorder data-testid="mission-facts" h="100%">
              <Stack gap="sm">
                <Fact label={t('missions.page.decision')}>
                  <MandateLink id={m.mandateDecision} />
                </Fact>
                <Fact label={t('missions.page.mandate')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {m.mandate || '—'}
                  </Text>
                </Fact>
                <Fact label={t('missions.page.head')}>{m.head.name}</Fact>
                <Fact label={t('missions.page.period')}>
                  {date(m.from)} – {date(m.to)}
                </Fact>
                <Fact label={t('missions.page.area')}>{area(m)}</Fact>
                <Fact label={t('missions.page.classification')}>{t(`levels.${m.classification}`)}</Fact>
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <MissionMembers mission={m} />
          </Grid.Col>
        </Grid>
        <Card p="md" withBorder data-testid="mission-map">
          <Stack gap={6}>
            <Title order={2} size="h5">
              {t('missions.page.map')}
            </Title>
            <MapPanel
              extra={m.area ? [{ code: OUTLINE, name: t('missions.outline'), area: m.area }] : []}
              focus={[...m.regions, ...(m.area ? [OUTLINE] : [])]}
              reports={mapped}
              onOpen={(id) => void navigate(`/reports/${id}`)}
              size={[1000, 360]}
              title={t('missions.page.mapTitle', { name: m.name })}
            />
            <Text size="xs" c="dimmed">
              {t('missions.page.mapHint', { count: mapped.length })}
            </Text>
          </Stack>
        </Card>
        <DailyReportCard mission={m} day={day} today={today} reportDays={reportDays} onDay={setDay} />
      </Stack>
    </>
  );
}

/**
 * An observation mission: its mandate (the decision that created it), head and members, area
 * on a map with its reports, period, and its daily reports. Not readable: the not-found page.
 */
export function MissionPage() {
  const { id = '' } = useParams();
  const mission = useMission(id);
  if (mission.error instanceof ApiError && (mission.error.status === 404 || mission.error.status === 400))
    return <NotFoundPage />;
  return <QueryState query={mission}>{({ mission: m }) => <MissionView mission={m} />}</QueryState>;
}
