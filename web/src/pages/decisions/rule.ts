import { useTranslation } from 'react-i18next';
import type { Rule, Share } from '../../types.ts';
import { useStateList } from './labels.ts';
import { useZones } from './time.ts';

const share = (s: Share) => `${s.num}/${s.den}`;

/**
 * The rule of a procedure in one sentence, with its deadline in the organisation's
 * reference zone and, when it differs, in the reader's: "Adopted on 2 December 2026 at
 * 18:00 Moscow time (2 Dec 2026, 16:00 your time) unless a member state objects."
 */
export function useRuleSentence() {
  const { t } = useTranslation();
  const zones = useZones();
  const stateList = useStateList();
  return (rule: Rule, deadline: string | null, extensionHours: number | null = null): string => {
    const phrase = (key: 'when' | 'by') =>
      deadline
        ? t(`decisions.rule.${key}`, {
            date: zones.date(deadline, zones.reference),
            time: `${zones.time(deadline, zones.reference)} ${zones.zoneName(zones.reference)}`,
          }) +
          (zones.same ? '' : t('decisions.rule.readerTime', { time: zones.dateTime(deadline, zones.reader) }))
        : t('decisions.rule.noDeadline');
    const when = phrase('when');
    const by = phrase('by');
    const parts: string[] = [];
    switch (rule.kind) {
      case 'meeting_consensus':
        parts.push(t('decisions.rule.meeting_consensus'));
        break;
      case 'silence':
        parts.push(t('decisions.rule.silence', { when }));
        break;
      case 'written':
        parts.push(
          rule.missingAnswer === 'extend_once'
            ? t('decisions.rule.writtenExtend', { by, count: extensionHours ?? 0 })
            : t('decisions.rule.writtenBlocks', { by }),
        );
        break;
      case 'unanimity':
        parts.push(t('decisions.rule.unanimity', { by }));
        break;
      case 'qualified_majority': {
        const m = rule.majority;
        if (!m) break;
        const weights = m.weights
          ? t('decisions.rule.majorityWeights', { share: share(m.weights.share) })
          : '';
        parts.push(t('decisions.rule.majority', { by, share: share(m.states), weights }));
        parts.push(t(`decisions.rule.abstention.${m.abstention}`));
        if (m.weights && m.blockingMinority)
          parts.push(t('decisions.rule.blockingMinority', { count: m.blockingMinority }));
        break;
      }
    }
    if (rule.constructiveAbstentionLimit)
      parts.push(
        t('decisions.rule.constructiveLimit', { share: share(rule.constructiveAbstentionLimit.states) }),
      );
    if (rule.excludedParties.length)
      parts.push(
        t('decisions.rule.excluded', {
          count: rule.excludedParties.length,
          states: stateList(rule.excludedParties),
        }),
      );
    return parts.join(' ');
  };
}
