import type { Schema } from '../../api/client.ts';
import type { PointOutcome } from '../../types.ts';

/**
 * The figures the server gives with a qualified-majority verdict: each threshold against
 * what the rule requires, those against against the blocking minority, and the conditions
 * that failed (none when adopted).
 */
export type MajorityFigures = Schema<'MajorityFigures'>;

/** The verdict's majority figures, when the server gave them (outcomes recorded before had none). */
export const figuresOf = (verdict: PointOutcome['verdict']): MajorityFigures | undefined => verdict.figures;

/** The translation function's shape as used here (i18next's `t`). */
type Translate = (key: string, options?: Record<string, string>) => string;

/**
 * A qualified majority's figures in the reader's language: each threshold with what it
 * requires, the states against with the blocking minority, and which condition failed (or
 * why the majority counts as reached although the weight threshold was missed).
 */
export function majorityText(f: MajorityFigures, t: Translate, locale: 'en' | 'ru'): string {
  const number = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 2 });
  const n = (value: number) => number.format(value);
  const share = (s: { num: number; den: number }) => `${s.num}/${s.den}`;
  const w = f.weights;
  const b = f.blockingMinority;
  const threshold = (key: string, x: MajorityFigures['states']) =>
    t(key, {
      inFavour: n(x.inFavour),
      counted: n(x.counted),
      required: n(x.required),
      share: share(x.share),
    });
  const lines = [threshold('decisions.majority.states', f.states)];
  if (w) lines.push(threshold('decisions.majority.weights', w));
  lines.push(
    f.against.weight === undefined
      ? t('decisions.majority.against', { against: n(f.against.states) })
      : t('decisions.majority.againstWeight', { against: n(f.against.states), weight: n(f.against.weight) }),
  );
  if (b) lines.push(t('decisions.majority.blocking', { blocking: n(b.states) }));
  const failedStates = f.failed.includes('states');
  const failedWeights = f.failed.includes('weights');
  if (failedStates && failedWeights) lines.push(t('decisions.majority.failedBoth'));
  else if (failedStates)
    lines.push(
      t('decisions.majority.failedStates', {
        inFavour: n(f.states.inFavour),
        required: n(f.states.required),
      }),
    );
  else if (failedWeights && w)
    lines.push(
      b
        ? t('decisions.majority.failedWeightsBlocked', {
            inFavour: n(w.inFavour),
            required: n(w.required),
            against: n(f.against.states),
            blocking: n(b.states),
          })
        : t('decisions.majority.failedWeights', { inFavour: n(w.inFavour), required: n(w.required) }),
    );
  else if (w && !w.met && b)
    lines.push(t('decisions.majority.deemed', { against: n(f.against.states), blocking: n(b.states) }));
  else lines.push(t(w ? 'decisions.majority.metBoth' : 'decisions.majority.metStates'));
  return lines.join(' ');
}
