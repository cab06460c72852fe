import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { BackLink } from '../decisions/ProposalPage.tsx';
import { useRequest } from './api.ts';
import { CLASSIFICATIONS, emptyDraft, fromContent, type RequestDraft } from './draft.ts';
import { RequestForm, withDefaultWindows } from './RequestForm.tsx';

export function NewRequestPage() {
  const { t } = useTranslation();
  return (
    <>
      <BackLink to="/clearances" label={t('clearances.request.back')} />
      <PageHeader title={t('clearances.form.newTitle')} description={t('clearances.form.newDescription')} />
      <RequestForm initial={withDefaultWindows(emptyDraft())} mode={{ kind: 'new' }} />
    </>
  );
}

/** Going on with a draft, or amending a submitted request (a new version). */
export function ExistingRequestFormPage({ mode }: { mode: 'draft' | 'amend' }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useRequest(id);
  return (
    <QueryState query={query}>
      {({ request }) => {
        const classification = (CLASSIFICATIONS as readonly string[]).includes(request.classification)
          ? (request.classification as RequestDraft['classification'])
          : 'restricted';
        const initial = fromContent(
          { title: request.title, framework: request.framework, urgency: request.urgency, classification },
          request.content,
        );
        return (
          <>
            <BackLink to={`/clearances/${request.id}`} label={request.reference} />
            <PageHeader
              title={
                mode === 'amend'
                  ? t('clearances.form.amendTitle', { reference: request.reference })
                  : request.title
              }
              description={
                mode === 'amend'
                  ? t('clearances.form.amendDescription')
                  : t('clearances.form.draftDescription')
              }
            />
            <RequestForm initial={initial} mode={{ kind: mode, request }} />
          </>
        );
      }}
    </QueryState>
  );
}
