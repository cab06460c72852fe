import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { BackLink } from '../decisions/ProposalPage.tsx';
import { useReport } from './api.ts';
import { emptyDraft, fromReport } from './draft.ts';
import { ReportForm } from './ReportForm.tsx';

export function NewReportPage() {
  const { t } = useTranslation();
  return (
    <>
      <BackLink to="/reports" label={t('monitoring.list.back')} />
      <PageHeader title={t('monitoring.form.newTitle')} description={t('monitoring.form.newDescription')} />
      <ReportForm initial={emptyDraft()} />
    </>
  );
}

/** A draft edited, or a submitted report corrected (a new version, with the reason). */
export function EditReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useReport(id);
  // Each reload after a stale version starts the form over from what the server holds now; a
  // live refresh alone does not (it would throw away what is being typed).
  const [round, setRound] = useState(0);
  return (
    <QueryState query={query}>
      {({ report }) => (
        <>
          <BackLink to={`/reports/${report.id}`} label={report.reference} />
          <PageHeader
            title={
              report.status === 'draft'
                ? t('monitoring.form.editTitle', { reference: report.reference })
                : t('monitoring.form.correctTitle', { reference: report.reference })
            }
            description={
              report.status === 'draft'
                ? t('monitoring.form.editDescription')
                : t('monitoring.form.correctDescription', { version: report.version })
            }
          />
          <ReportForm
            key={round}
            initial={fromReport(report)}
            report={report}
            onReload={() =>
              void query.refetch().then(() => {
                setRound((r) => r + 1);
              })
            }
          />
        </>
      )}
    </QueryState>
  );
}
