import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { usePartners, useStates } from '../../queries.ts';
import { shortId } from './filters.ts';
import type { RecordEntry } from './types.ts';

/**
 * Names of the delegations an actor speaks for ("BY", "secretariat", "partner:UN") in the
 * reader's language, from the directory.
 */
export function useDelegationName() {
  const { t, i18n } = useTranslation();
  const { text } = useFormat();
  const states = useStates();
  const partners = usePartners();
  return (code: string): string => {
    const state = states.data?.items.find((s) => s.code === code);
    if (state) return text(state.name);
    const partnerCode = code.startsWith('partner:') ? code.slice('partner:'.length) : code;
    const partner = partners.data?.items.find((p) => p.code === partnerCode);
    if (partner) return text(partner.shortName);
    if (code === 'secretariat') return t('record.filters.secretariat');
    return i18n.exists(`affiliations.${code}`) ? t(`affiliations.${code}`) : code;
  };
}

/**
 * What a row calls its subject: the name the server gave (only for subjects the reader may
 * read), a delegation's name in the reader's language, or else the start of its id.
 */
export function useSubjectName() {
  const delegationName = useDelegationName();
  return (e: Pick<RecordEntry, 'subjectType' | 'subjectId' | 'subjectLabel'>): string => {
    if (e.subjectType === 'delegation') return delegationName(e.subjectId);
    return e.subjectLabel ?? shortId(e.subjectId);
  };
}
