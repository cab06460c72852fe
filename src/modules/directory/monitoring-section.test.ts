import { describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../config.ts';
import { editMonitoring, lineOf, MONITORING, refusal } from './organisation-file.fixtures.ts';
import { parseOrganisationFile, readOrganisationFile } from './organisation-file.ts';

describe("the organisation file's monitoring section", () => {
  it('the demo declares the ACLED taxonomy (6 event types, 25 sub-event types) and non-violent categories', () => {
    const monitoring = readOrganisationFile(DEMO_FILE).monitoring;
    if (!monitoring) throw new Error('the demo declares no monitoring');
    const violent = monitoring.categories.filter((c) => c.subcategories.length > 0);
    expect(violent).toHaveLength(6);
    expect(violent.reduce((n, c) => n + c.subcategories.length, 0)).toBe(25);
    expect(monitoring.categories.map((c) => c.code)).toEqual(
      expect.arrayContaining([
        'border-incident',
        'humanitarian',
        'health',
        'environment',
        'cyber',
        'information',
      ]),
    );
    expect(monitoring.alertScale.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(monitoring.indicators.every((i) => monitoring.regions.some((r) => r.code === i.region))).toBe(
      true,
    );
  });

  it('fills in the defaults: not violent, rising, reports over a week', () => {
    const monitoring = parseOrganisationFile(MONITORING).monitoring;
    expect(monitoring?.categories[1]).toMatchObject({ violent: false, subcategories: [] });
    expect(monitoring?.indicators[0]).toMatchObject({
      direction: 'rising',
      source: {
        computed: { categories: ['border-incident', 'armed-clash'], measure: 'reports', window: 'week' },
      },
    });
    expect(monitoring?.indicators[1].source).toBe('entered');
  });

  it.each([
    [
      'levels out of order',
      'level: 2, code: warning',
      'level: 3, code: warning',
      'alertScale.1.level',
      'must be 2',
    ],
    [
      'a colour that is not #rrggbb',
      '"#f08c00"',
      'orange',
      'alertScale.1.colour',
      'must be a colour #rrggbb',
    ],
    [
      'a scale of one level',
      `    - { level: 2, code: warning, name: { en: Warning, ru: Предупреждение }, colour: "#f08c00" }
    - { level: 3, code: crisis, name: { en: Crisis, ru: Кризис }, colour: "#a61e4d" }
`,
      '',
      'alertScale',
      'at least two levels',
    ],
    [
      'a subcategory code used twice',
      'code: armed-clash, name',
      'code: battles, name',
      'categories.0.subcategories.0.code',
      'battles is listed twice',
    ],
    [
      'a region in a state that is not a member',
      'states: [AM, BY]',
      'states: [AM, KZ]',
      'regions.1.states.1',
      'KZ is not a member state',
    ],
    [
      'a point off the globe',
      '[70, 37]',
      '[190, 37]',
      'regions.0.area.1.0',
      'must be a longitude from -180 to 180',
    ],
    [
      'an indicator of an unknown region',
      'region: south\n      unit: { en: days',
      'region: north\n      unit: { en: days',
      'indicators.1.region',
      'north is not a region',
    ],
    [
      'an unknown category',
      '[border-incident, armed-clash]',
      '[border-incident, riots]',
      'indicators.0.source.computed.categories.1',
      'riots is not a category',
    ],
    [
      'a threshold at the lowest level',
      '{ level: 2, at: 3 }',
      '{ level: 1, at: 3 }',
      'indicators.0.thresholds.0.level',
      'above 1 (2 to 3)',
    ],
    [
      'a rising indicator whose thresholds fall',
      '{ level: 3, at: 10 }',
      '{ level: 3, at: 2 }',
      'indicators.0.thresholds.1.at',
      'must be above the threshold before it',
    ],
    [
      'a falling indicator whose thresholds rise',
      '{ level: 3, at: 7 }',
      '{ level: 3, at: 40 }',
      'indicators.1.thresholds.1.at',
      'must be below the threshold before it',
    ],
    [
      'an escalation to a level beyond the scale',
      'atLevel: 2',
      'atLevel: 4',
      'combination.escalate.atLevel',
      'must be a level of the alert scale',
    ],
    [
      'a misspelt field',
      'direction: falling',
      'directon: falling',
      'indicators.1.directon',
      'unknown field directon',
    ],
  ])('refuses %s, naming the field and its line', (_name, from, to, path, reason) => {
    const text = editMonitoring(from, to);
    const err = refusal(text);
    const problem = err.problems.find((p) => p.path === `monitoring.${path}`);
    expect(problem?.reason, JSON.stringify(err.problems)).toContain(reason);
    if (to) expect(problem?.line).toBe(lineOf(text, to.split('\n')[0]));
  });
});
