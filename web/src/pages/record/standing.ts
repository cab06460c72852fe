import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok, type Schema } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { KEYS } from '../../queries.ts';
import { useSession } from '../../session.tsx';

/** Where a record entry stands in the log (a decision's, a certificate's). */
export type EntryStanding = Schema<'EntryStanding'>;

/** The three places an entry can stand: in no checkpoint yet, signed by the log alone, witnessed. */
export type StandingKind = 'pending' | 'signed' | 'witnessed';

export const standingKind = (standing: EntryStanding): StandingKind =>
  !standing.checkpoint ? 'pending' : standing.checkpoint.witnessed ? 'witnessed' : 'signed';

/**
 * A member state's name for a witness: from the directory for a signed-in reader, else (the
 * public verification page, where the directory is not open) the browser's own name for the
 * region code, else the code.
 */
export function useWitnessStateName() {
  const { user } = useSession();
  const { text } = useFormat();
  const { i18n } = useTranslation();
  const states = useQuery({
    queryKey: KEYS.states,
    queryFn: ({ signal }) => ok(client.GET('/api/states', { signal })),
    enabled: Boolean(user),
  });
  return (code: string): string => {
    const state = states.data?.items.find((s) => s.code === code);
    if (state) return text(state.name);
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** "witness.by (Belarus), witness.kz (Kazakhstan)": co-signers with their states. */
export function useCosignerList() {
  const stateName = useWitnessStateName();
  return (cosigners: { name: string; state: string | null }[]): string =>
    cosigners.map((c) => (c.state ? `${c.name} (${stateName(c.state)})` : c.name)).join(', ');
}
