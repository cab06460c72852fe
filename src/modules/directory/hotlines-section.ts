import { z } from '@hono/zod-openapi';
import { StateCode } from './primitives.ts';

/**
 * The hotlines between member states, as the organisation file declares them: a direct line
 * between two states' designated duty contacts for border incidents (the hotline module,
 * src/modules/hotline). Here only what a valid declaration is; the contacts are designated
 * by each side's head of delegation, not in the file.
 *
 * @example
 * hotlines:
 *   - { code: KG-TJ, states: [KG, TJ], acknowledgeWithinMinutes: 15, escalateTo: [secretariat, heads_of_delegation] }
 */
export const HotlineDeclaration = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'use 2 to 32 capital letters, digits or dashes, e.g. KG-TJ'),
  /** The two member states the line joins. */
  states: z.array(StateCode).length(2, 'a hotline joins exactly two member states'),
  /** How long the other side has to acknowledge a message before it is escalated. */
  acknowledgeWithinMinutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(1, 'must be at least 1 minute')
    .max(1440, 'must be at most 1440 minutes (a day)'),
  /** Whom an unacknowledged message goes to (the other side's head of delegation always hears of it). */
  escalateTo: z
    .array(z.enum(['secretariat', 'heads_of_delegation'], 'must be secretariat or heads_of_delegation'))
    .min(1, 'name at least one: secretariat, heads_of_delegation')
    .default(['secretariat']),
});
export type HotlineDeclaration = z.infer<typeof HotlineDeclaration>;

/** What the schema alone cannot say: unique codes, two different member states of the file. */
export function checkHotlines(hotlines: HotlineDeclaration[], states: Set<string>, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path: ['hotlines', ...path], message });
  const codes = new Set<string>();
  hotlines.forEach((h, i) => {
    if (codes.has(h.code)) issue([i, 'code'], `${h.code} is listed twice`);
    codes.add(h.code);
    h.states.forEach((s, j) => {
      if (!states.has(s)) issue([i, 'states', j], `${s} is not a member state in this file`);
      else if (h.states.indexOf(s) !== j) issue([i, 'states', j], 'a hotline joins two different states');
    });
    if (new Set(h.escalateTo).size !== h.escalateTo.length)
      issue([i, 'escalateTo'], 'names the same recipient twice');
  });
}
