import { AttachmentsCard } from '../../components/AttachmentsCard.tsx';
import type { Proposal } from '../../types.ts';
import { useRefreshDecisions } from './mutations.ts';

/** A proposal's attached files: download links, and adding or removing while the text may change. */
export function ProposalAttachments({ proposal }: { proposal: Proposal }) {
  const refresh = useRefreshDecisions();
  return (
    <AttachmentsCard
      owner={{ proposal: proposal.id }}
      attachments={proposal.attachments}
      canChange={proposal.abilities.edit && !proposal.openProcedure}
      onChanged={refresh}
    />
  );
}
