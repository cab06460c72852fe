import { IconFileCertificate, IconFileText } from '@tabler/icons-react';
import type { NotificationWording } from '../../module.ts';
import { defineWebModule } from '../../module.ts';
import type { NotificationItem } from '../../notifications.ts';
import { DECISION_KEYS, useProposalList } from '../../queries.ts';
import { HOME_KEY } from '../dashboard/home.ts';
import { DecisionPage } from './DecisionPage.tsx';
import { DecisionsPage } from './DecisionsPage.tsx';
import { ProposalPage } from './ProposalPage.tsx';
import { ProposalsPage } from './ProposalsPage.tsx';
import { ExistingProposalWizardPage, NewProposalPage } from './WizardPages.tsx';

const proposalTitle = (item: NotificationItem) => item.proposal?.title || null;

/** A procedure's deadline, when it has one (a meeting's consensus has none). */
const deadline: NotificationWording = {
  subject: proposalTitle,
  detail: (item, { t, dateTime }) =>
    item.deadline ? t('notifications.detail.deadline', { at: dateTime(item.deadline) }) : null,
};

/**
 * Whether the person has proposals to read: they may draft in some body (the list's
 * abilities, which the server derives from the reading rule), or some proposal is listed
 * for them. Observers and partners read no proposal: they see the register of decisions only.
 */
function useReadsProposals(): boolean {
  const { data } = useProposalList({});
  const first = data?.pages[0];
  return !!first && (first.abilities.create || first.items.length > 0);
}

/** Proposals, procedures, stances and the register of adopted decisions. */
export const decisionsWeb = defineWebModule({
  name: 'decisions',
  routes: [
    { path: '/proposals', element: <ProposalsPage /> },
    { path: '/proposals/new', element: <NewProposalPage /> },
    { path: '/proposals/:id', element: <ProposalPage /> },
    { path: '/proposals/:id/edit', element: <ExistingProposalWizardPage key="edit" mode="edit" /> },
    { path: '/proposals/:id/open', element: <ExistingProposalWizardPage key="open" mode="open" /> },
    { path: '/decisions', element: <DecisionsPage /> },
    { path: '/decisions/:id', element: <DecisionPage /> },
  ],
  nav: {
    section: 'nav.decisions',
    entries: [
      { path: '/proposals', label: 'nav.proposals', icon: IconFileText, useVisible: useReadsProposals },
      { path: '/decisions', label: 'nav.decisionRegister', icon: IconFileCertificate },
    ],
  },
  live: [
    {
      on: 'entry',
      actions: ['proposal.', 'procedure.', 'stance.', 'silence.', 'decision.'],
      // The lists, and the home page where stances due and recent outcomes show.
      keys: [...DECISION_KEYS, HOME_KEY],
    },
  ],
  notifications: {
    procedure_opened: deadline,
    deadline_24h: deadline,
    deadline_1h: deadline,
    silence_broken: {
      subject: proposalTitle,
      detail: (item, { t }) =>
        t(`notifications.detail.silence_broken.${item.stanceKind ?? 'object'}`, {
          state: item.state ?? '—',
          points: item.points.join(', ') || '—',
        }),
    },
    outcome: {
      subject: proposalTitle,
      detail: (item, { t }) => (item.result ? t(`notifications.result.${item.result}`) : null),
    },
  },
});
