import { describe, expect, it } from 'vitest';
import {
  deadlineBounds,
  draftErrors,
  draftRule,
  emptyProcedureDraft,
  instantIn,
  moveWallTime,
  type ProcedureDraft,
  toInput,
} from './procedureDraft.ts';

const MEMBERS = ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'];
const messages = { required: 'required', past: 'past', beyond: 'beyond', share: 'share', excludedAll: 'all' };
const draft = (change: Partial<ProcedureDraft>): ProcedureDraft => ({
  ...emptyProcedureDraft('Europe/Moscow'),
  ...change,
});

describe('the deadline the chair picks', () => {
  it('is the wall-clock time in the chosen zone, as a UTC instant', () => {
    expect(instantIn('2026-12-02 18:00:00', 'Europe/Moscow')).toBe('2026-12-02T15:00:00.000Z');
    expect(instantIn('2026-12-02 18:00:00', 'Asia/Almaty')).toBe('2026-12-02T13:00:00.000Z');
    expect(instantIn('2026-12-02 18:00:00', 'Asia/Yerevan')).toBe('2026-12-02T14:00:00.000Z');
  });

  it('follows daylight-saving time in zones that have it', () => {
    expect(instantIn('2026-03-28 18:00:00', 'Europe/Berlin')).toBe('2026-03-28T17:00:00.000Z');
    expect(instantIn('2026-03-30 18:00:00', 'Europe/Berlin')).toBe('2026-03-30T16:00:00.000Z');
  });

  it('keeps the instant when the chair switches the zone it is shown in', () => {
    expect(moveWallTime('2026-12-02 18:00:00', 'Europe/Moscow', 'Asia/Dushanbe')).toBe('2026-12-02 20:00:00');
  });

  it('defaults to three days ahead, at 18:00 in the reference zone', () => {
    const d = emptyProcedureDraft('Europe/Minsk');
    expect(d.deadline).toMatch(/ 18:00:00$/);
    const instant = Date.parse(instantIn(d.deadline ?? '', 'Europe/Minsk') ?? '');
    expect(instant - Date.now()).toBeGreaterThan(2 * 86_400_000);
  });
});

describe('the procedure sent to the server', () => {
  it('a silence procedure: kind, deadline and parties concerned only', () => {
    const input = toInput(draft({ excludedParties: ['AM'] }), '2026-12-02T15:00:00.000Z', MEMBERS);
    expect(input).toEqual({ kind: 'silence', deadline: '2026-12-02T15:00:00.000Z', excludedParties: ['AM'] });
  });

  it('a meeting consensus has no deadline', () => {
    expect(toInput(draft({ kind: 'meeting_consensus' }), null, MEMBERS)).toEqual({
      kind: 'meeting_consensus',
      excludedParties: [],
    });
  });

  it('a written procedure says what a missing answer means', () => {
    const d = draft({ kind: 'written', missingAnswer: 'extend_once', extensionHours: 48 });
    expect(toInput(d, '2026-12-02T15:00:00.000Z', MEMBERS)).toMatchObject({
      missingAnswer: 'extend_once',
      extensionHours: 48,
    });
    expect(toInput(draft({ kind: 'written' }), 'x', MEMBERS)).not.toHaveProperty('extensionHours');
  });

  it('a qualified majority carries its thresholds, and weights for every member', () => {
    const d = draft({
      kind: 'qualified_majority',
      useWeights: true,
      weights: { RU: 146, KZ: 20 },
      blockingMinority: 2,
    });
    const rule = draftRule(d, MEMBERS);
    expect(rule.majority).toEqual({
      states: { num: 2, den: 3 },
      abstention: 'not_counted',
      weights: { share: { num: 65, den: 100 }, byState: { AM: 0, BY: 0, KZ: 20, KG: 0, RU: 146, TJ: 0 } },
      blockingMinority: 2,
    });
    expect(toInput(d, 'x', MEMBERS)).toHaveProperty('majority', rule.majority);
  });

  it('refuses a missing or past deadline and a share above one before asking the server', () => {
    expect(draftErrors(draft({}), null, messages)).toEqual({ deadline: 'required' });
    expect(draftErrors(draft({}), '2000-01-01T00:00:00Z', messages)).toEqual({ deadline: 'past' });
    const bad = draft({ kind: 'qualified_majority', majority: { num: 4, den: 3 } });
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString();
    expect(draftErrors(bad, soon, messages)).toEqual({ majority: 'share' });
    expect(draftErrors(draft({ kind: 'meeting_consensus' }), null, messages)).toEqual({});
  });

  it("refuses a deadline beyond the organisation's horizon, and excluding every member", () => {
    const limits = { maxHorizonDays: 30, members: ['AM', 'BY'] };
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    expect(draftErrors(draft({}), '9999-12-31T00:00:00Z', messages)).toEqual({ deadline: 'beyond' });
    expect(draftErrors(draft({}), inDays(31), messages, limits)).toEqual({ deadline: 'beyond' });
    expect(draftErrors(draft({}), inDays(29), messages, limits)).toEqual({});
    expect(draftErrors(draft({ excludedParties: ['BY', 'AM'] }), inDays(1), messages, limits)).toEqual({
      excludedParties: 'all',
    });
    expect(draftErrors(draft({ excludedParties: ['AM'] }), inDays(1), messages, limits)).toEqual({});
  });
});

describe('the dates the picker offers', () => {
  it('run from now to the horizon, as wall-clock times in the zone', () => {
    const now = Date.parse('2026-12-04T17:30:00Z');
    expect(deadlineBounds('Europe/Moscow', 365, now)).toEqual({
      min: '2026-12-04 20:30:00',
      max: '2027-12-04 20:30:00',
    });
    expect(deadlineBounds('Asia/Almaty', 30, now).max).toBe('2027-01-03 22:30:00');
  });
});
