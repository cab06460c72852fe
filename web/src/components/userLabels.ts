import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { usePartners, useStates } from '../queries.ts';
import type { Affiliation } from '../types.ts';

/** "Delegation · Belarus", "Secretariat", "Partner · UN": who a person speaks for. */
export function useAffiliationLabel() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const states = useStates();
  const partners = usePartners();
  return (user: { affiliation: Affiliation; stateCode: string | null; partnerCode: string | null }) => {
    const kind = t(`affiliations.${user.affiliation}`);
    if (user.affiliation === 'delegation' && user.stateCode) {
      const state = states.data?.items.find((s) => s.code === user.stateCode);
      return `${kind} · ${state ? text(state.name) : user.stateCode}`;
    }
    if (user.affiliation === 'partner' && user.partnerCode) {
      const partner = partners.data?.items.find((p) => p.code === user.partnerCode);
      return `${kind} · ${partner ? text(partner.shortName) : user.partnerCode}`;
    }
    return kind;
  };
}
