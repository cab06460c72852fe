import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifySuccess } from '../../components/notify.ts';
import { DECISION_KEYS, KEYS } from '../../queries.ts';
import type { Procedure, Proposal } from '../../types.ts';

/** Refreshes everything a change to proposals, procedures or decisions may touch. */
export function useRefreshDecisions() {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of DECISION_KEYS) void queryClient.invalidateQueries({ queryKey });
  };
}

/** A mutation that answers `{ procedure }`: stores it, refreshes the rest, confirms. */
export function useProcedureMutation<V>(
  mutationFn: (variables: V) => Promise<{ procedure: Procedure }>,
  success: (procedure: Procedure) => string,
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  const refresh = useRefreshDecisions();
  return useMutation({
    mutationFn,
    onSuccess: ({ procedure }) => {
      queryClient.setQueryData([...KEYS.procedures, procedure.id], { procedure });
      refresh();
      notifySuccess(success(procedure));
      onDone?.();
    },
  });
}

/** A mutation that answers `{ proposal }`: stores it and refreshes the rest. */
export function useProposalMutation<V>(mutationFn: (variables: V) => Promise<{ proposal: Proposal }>) {
  const queryClient = useQueryClient();
  const refresh = useRefreshDecisions();
  return useMutation({
    mutationFn,
    onSuccess: ({ proposal }) => {
      queryClient.setQueryData([...KEYS.proposals, proposal.id], { proposal });
      refresh();
    },
  });
}

/** Field problems of a failed request, by the full path after "body." ("stances.0.text"). */
export function fieldPaths(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const fields = (error as { fields?: { field: string; reason: string }[] } | null)?.fields ?? [];
  for (const { field, reason } of fields) {
    const path = field.replace(/^body\./, '');
    if (!out[path]) out[path] = reason;
  }
  return out;
}
