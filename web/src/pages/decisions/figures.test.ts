import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeOutcome, type Rule, type StanceKind } from '../../../../src/modules/decisions/outcome.ts';
import en from '../../i18n/en.json';
import ru from '../../i18n/ru.json';
import type { PointOutcome } from '../../types.ts';
import { figuresOf, majorityText } from './figures.ts';

// The outcome page's words for a qualified majority, from the figures the server computes.

const SIX = ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'];
const population = { AM: 3, BY: 9, KZ: 19, KG: 7, RU: 146, TJ: 10 };
const doubleMajority = (blockingMinority: number, states = { num: 55, den: 100 }): Rule => ({
  kind: 'qualified_majority',
  excludedParties: [],
  majority: {
    states,
    weights: { share: { num: 65, den: 100 }, byState: population },
    abstention: 'against',
    blockingMinority,
  },
});
const allAgree = (except: Record<string, StanceKind>) => ({
  ...(Object.fromEntries(SIX.map((s) => [s, 'agree'])) as Record<string, StanceKind>),
  ...except,
});

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

function words(rule: Rule, stances: Record<string, StanceKind>, locale: 'en' | 'ru') {
  const [point] = computeOutcome({ rule, eligible: SIX, points: ['1'], stances: { '1': stances } }).points;
  const figures = figuresOf(point.verdict as PointOutcome['verdict']);
  if (!figures) throw new Error('no figures');
  return majorityText(figures, i18n.getFixedT(locale), locale);
}

describe('a qualified majority explained on the page', () => {
  it('weight missed but the blocking minority not reached: says so with the figures, not "the required majority was reached"', () => {
    const text = words(doubleMajority(4), allAgree({ RU: 'object' }), 'en');
    expect(text).toBe(
      'States in favour: 5 of 6, 4 required (55/100). Weight in favour: 48 of 194, 126.1 required (65/100). ' +
        'States against: 1, holding weight 146. Blocking minority (states against): 4. ' +
        'The weight threshold was missed, but the states against (1) are fewer than the blocking minority (4): the majority is deemed reached.',
    );
    expect(words(doubleMajority(4), allAgree({ RU: 'object' }), 'ru')).toBe(
      'Государств «за»: 5 из 6, требуется 4 (55/100). Вес «за»: 48 из 194, требуется 126,1 (65/100). ' +
        'Государств «против»: 1, их вес 146. Блокирующее меньшинство (государств «против»): 4. ' +
        'Порог по весу не достигнут, но государств «против» (1) меньше блокирующего меньшинства (4): большинство считается достигнутым.',
    );
  });

  it.each([
    [
      'the weight threshold failed with the blocking minority reached',
      doubleMajority(2, { num: 1, den: 3 }),
      allAgree({ RU: 'object', TJ: 'object' }),
      'Not adopted: the weight threshold failed (38 in favour, 126.1 required) and the blocking minority was reached (2 against, 2 needed).',
      'Не принято: не достигнут порог по весу (38 «за», требуется 126,1), и блокирующее меньшинство набрано (2 «против», нужно 2).',
    ],
    [
      'too few states',
      doubleMajority(4),
      allAgree({ AM: 'object', KZ: 'object', KG: 'object', TJ: 'object' }),
      'Not adopted: the states threshold failed (2 in favour, 4 required).',
      'Не принято: не достигнут порог по числу государств (2 «за», требуется 4).',
    ],
    [
      'both thresholds missed',
      doubleMajority(4),
      allAgree({ KZ: 'object', KG: 'object', RU: 'object', TJ: 'object' }),
      'Not adopted: both the states threshold and the weight threshold failed.',
      'Не принято: не достигнуты ни порог по числу государств, ни порог по весу.',
    ],
    [
      'both met',
      doubleMajority(4),
      allAgree({ AM: 'object' }),
      'Both thresholds were met: the required majority was reached.',
      'Оба порога достигнуты: необходимое большинство набрано.',
    ],
  ] as [string, Rule, Record<string, StanceKind>, string, string][])(
    '%s: names the condition',
    (_name, rule, stances, english, russian) => {
      expect(words(rule, stances, 'en').endsWith(english)).toBe(true);
      expect(words(rule, stances, 'ru').endsWith(russian)).toBe(true);
    },
  );

  it('a majority of states alone: no weight, no blocking minority', () => {
    const rule: Rule = {
      kind: 'qualified_majority',
      excludedParties: [],
      majority: { states: { num: 2, den: 3 }, abstention: 'against' },
    };
    expect(words(rule, allAgree({ AM: 'object', BY: 'object', KZ: 'object' }), 'en')).toBe(
      'States in favour: 3 of 6, 4 required (2/3). States against: 3. Not adopted: the states threshold failed (3 in favour, 4 required).',
    );
  });
});
