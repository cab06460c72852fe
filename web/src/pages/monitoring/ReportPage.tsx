import { Grid, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { BackLink } from '../decisions/ProposalPage.tsx';
import { AddToCollection } from './AddToCollection.tsx';
import { useReport } from './api.ts';
import { ReportStatusBadge, useMonitoringNames } from './labels.tsx';
import { MapPanel, type MapReport, toMapReport } from './MapPanel.tsx';
import { ReportActions } from './ReportActions.tsx';
import { ReportFacts, StatusTimeline, WithheldNotice } from './ReportFacts.tsx';
import { ReportFiles } from './ReportFiles.tsx';
import { ReportVersions } from './ReportVersions.tsx';

/**
 * One report laid out for an officer under time pressure: the facts first (what, when,
 * where, who, counts, source, reporter), the actions the reader may take, the point on the
 * map, the way through review, and every version with what changed.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useReport(id);
  const names = useMonitoringNames();
  return (
    <QueryState query={query}>
      {({ report }) => {
        const point = toMapReport(report);
        return (
          <>
            <BackLink to="/reports" label={t('monitoring.list.back')} />
            <PageHeader
              title={report.title}
              description={
                <Group gap="xs" component="span" wrap="wrap">
                  <Text span size="sm" fw={600} c="dark.6" data-testid="report-reference">
                    {report.reference}
                  </Text>
                  <ReportStatusBadge status={report.status} />
                  <Text span size="sm" c="dimmed">
                    {names.category(report.category)} ·{' '}
                    {t('monitoring.versions.version', { n: report.version })}
                  </Text>
                </Group>
              }
              actions={<AddToCollection report={report} />}
            />
            <Stack gap="md">
              {report.withheld ? <WithheldNotice /> : null}
              <ReportActions report={report} />
              <Grid gap="md">
                <Grid.Col span={{ base: 12, lg: 8 }}>
                  <Stack gap="md">
                    <ReportFacts report={report} />
                    <ReportVersions id={report.id} />
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 4 }}>
                  <Stack gap="md">
                    <MapPanel
                      focus={report.region ? [report.region] : []}
                      reports={point ? [point as MapReport] : []}
                      size={[400, 340]}
                      title={t('monitoring.facts.mapTitle', { reference: report.reference })}
                    />
                    <ReportFiles report={report} />
                    <StatusTimeline report={report} />
                  </Stack>
                </Grid.Col>
              </Grid>
            </Stack>
          </>
        );
      }}
    </QueryState>
  );
}
