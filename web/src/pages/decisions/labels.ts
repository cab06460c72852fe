import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useBodies, useOrganisation, useStates } from '../../queries.ts';
import type { ProcedureResult, ProposalStatus, StanceKind, VerdictReason } from '../../types.ts';

/** Member state names by code, in the reader's language; the code while loading. */
export function useStateName() {
  const { text } = useFormat();
  const states = useStates();
  return (code: string): string => {
    const state = states.data?.items.find((s) => s.code === code);
    return state ? text(state.name) : code;
  };
}

/** "Armenia, Belarus": several states named in the reader's language. */
export function useStateList() {
  const name = useStateName();
  const { i18n } = useTranslation();
  return (codes: string[]): string => {
    const names = codes.map(name);
    try {
      return new Intl.ListFormat(i18n.language === 'ru' ? 'ru' : 'en-GB', {
        style: 'long',
        type: 'conjunction',
      }).format(names);
    } catch {
      return names.join(', ');
    }
  };
}

export function useBodyName() {
  const { text } = useFormat();
  const bodies = useBodies();
  return (code: string): string => {
    const body = bodies.data?.items.find((b) => b.code === code);
    return body ? text(body.name) : code;
  };
}

/** The presidency's priority areas, by code. */
export function usePriorities() {
  const { text } = useFormat();
  const organisation = useOrganisation();
  const priorities = organisation.data?.presidency?.priorities ?? [];
  return {
    options: priorities.map((p) => ({ value: p.code, label: text(p.title) })),
    title: (code: string | null) => {
      if (!code) return null;
      const priority = priorities.find((p) => p.code === code);
      return priority ? text(priority.title) : code;
    },
  };
}

export const STATUS_COLOR: Record<ProposalStatus, string> = {
  draft: 'gray',
  open: 'blue',
  adopted: 'teal',
  partially_adopted: 'yellow',
  not_adopted: 'red',
};

export const RESULT_COLOR: Record<ProcedureResult, string> = {
  adopted: 'teal',
  partially_adopted: 'yellow',
  not_adopted: 'red',
};

export const STANCE_COLOR: Record<StanceKind, string> = {
  agree: 'teal',
  abstain: 'gray',
  constructive_abstention: 'violet',
  object: 'red',
  propose_amendment: 'orange',
  not_participating: 'gray',
  reservation: 'indigo',
  interpretative_statement: 'cyan',
};

/** "No. 7, 2026" / "№ 7, 2026" from a decision's number and year. */
export function useDecisionLabel() {
  const { t } = useTranslation();
  return (d: { number: number; year: number }): string =>
    t('decisions.decision.number', { number: d.number, year: d.year });
}

/** Whether a procedure was closed by the server's deadline runner rather than by a person. */
export const closedAtDeadline = (closedBy: string | null) => closedBy === 'deadline runner';

/** Verdict reasons that name states (who objected, who did not answer, who fell short). */
export const REASONS_WITH_STATES: VerdictReason[] = [
  'objected',
  'silence_broken',
  'no_answer',
  'constructive_abstention_limit',
  'states_threshold',
  'weights_threshold',
];
