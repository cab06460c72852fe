import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useOrganisation, useProposal } from '../../queries.ts';
import { BackLink } from './ProposalPage.tsx';
import { ProposalWizard } from './ProposalWizard.tsx';

export function NewProposalPage() {
  const { t } = useTranslation();
  // The deadline defaults to the organisation's reference zone: wait for it.
  const organisation = useOrganisation();
  return (
    <Stack gap="lg">
      <BackLink to="/proposals" label={t('decisions.proposal.back')} />
      <PageHeader title={t('decisions.wizard.newTitle')} description={t('decisions.wizard.newDescription')} />
      <QueryState query={organisation}>{() => <ProposalWizard />}</QueryState>
    </Stack>
  );
}

/** Editing (a new version) or opening a procedure on an existing proposal. */
export function ExistingProposalWizardPage({ mode }: { mode: 'edit' | 'open' }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const organisation = useOrganisation();
  const proposal = useProposal(id);
  return (
    <Stack gap="lg">
      <BackLink to={`/proposals/${id}`} label={t('decisions.wizard.backToProposal')} />
      <QueryState query={organisation}>
        {() => (
          <QueryState query={proposal}>
            {({ proposal: p }) => (
              <>
                <PageHeader
                  title={mode === 'edit' ? t('decisions.wizard.editTitle') : t('decisions.wizard.openTitle')}
                  description={p.title}
                />
                <ProposalWizard proposal={p} start={mode === 'edit' ? 0 : 2} />
              </>
            )}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}
