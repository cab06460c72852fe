import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';
import { ledgerActions } from '../../core/registry.ts';
import { authLedgerActions } from '../auth/record.ts';
import { backupLedgerActions } from '../backup/record.ts';
import { clearancesLedgerActions } from '../clearances/record.ts';
import { decisionsLedgerActions } from '../decisions/record.ts';
import { delegationsLedgerActions } from '../delegations/record.ts';
import { directoryLedgerActions } from '../directory/record.ts';
import { notificationsLedgerActions } from '../notifications/record.ts';
import { usersLedgerActions } from '../users/record.ts';
import { webhooksLedgerActions } from '../webhooks/record.ts';

/**
 * Every kind of entry the record can hold, declared by the module that writes it in its
 * `record.ts`: a one-line description and the zod schema of the payload (strict objects, so a
 * field nobody declared is refused). Add a kind there, with its schema, before a command
 * writes it; `appendEntry` refuses unknown kinds and payloads that do not match.
 *
 * The modules are gathered here for now (the module list will bring them to the registry,
 * src/core/registry.ts); the type `LedgerAction` and the union `LedgerEntryPayload` are
 * derived from the same tables, so they cannot drift apart.
 */
export const ledgerActionsByModule = {
  directory: directoryLedgerActions,
  auth: authLedgerActions,
  users: usersLedgerActions,
  notifications: notificationsLedgerActions,
  backup: backupLedgerActions,
  decisions: decisionsLedgerActions,
  delegations: delegationsLedgerActions,
  clearances: clearancesLedgerActions,
  webhooks: webhooksLedgerActions,
} as const;

const allLedgerActions = {
  ...directoryLedgerActions,
  ...authLedgerActions,
  ...usersLedgerActions,
  ...notificationsLedgerActions,
  ...backupLedgerActions,
  ...decisionsLedgerActions,
  ...delegationsLedgerActions,
  ...clearancesLedgerActions,
  ...webhooksLedgerActions,
};
type AllLedgerActions = typeof allLedgerActions;

/** The name of a kind of record entry, e.g. `"proposal.created"`. */
export type LedgerAction = keyof AllLedgerActions;
export const LedgerAction = z.enum(Object.keys(allLedgerActions) as [LedgerAction, ...LedgerAction[]]);

/** The payload of one kind of entry, e.g. `LedgerPayload<'user.created'>`. */
export type LedgerPayload<A extends LedgerAction> = z.infer<AllLedgerActions[A]['payload']>;

type EntrySchemas = {
  [A in LedgerAction]: z.ZodObject<{ action: z.ZodLiteral<A>; payload: AllLedgerActions[A]['payload'] }>;
}[LedgerAction];

/**
 * An entry's action with its payload, one member per action: what a reader of the record
 * (the record page, exports) can rely on once `action` is known.
 *
 * @example
 * const entry = LedgerEntryPayload.parse({ action: row.action, payload: row.payload });
 * if (entry.action === 'clearance.leg_decided') console.log(entry.payload.clearanceNumber);
 */
export const LedgerEntryPayload = z.discriminatedUnion(
  'action',
  Object.entries(allLedgerActions).map(([action, spec]) =>
    z.strictObject({ action: z.literal(action), payload: spec.payload }),
  ) as unknown as [EntrySchemas, ...EntrySchemas[]],
);
export type LedgerEntryPayload = z.infer<typeof LedgerEntryPayload>;

export type LedgerActionEntry = LedgerActionSpec & { module: string };

/**
 * The kinds of entry in force: the registry's once the module list has been assembled,
 * otherwise the tables above.
 */
export function ledgerActionSpecs(): ReadonlyMap<string, LedgerActionEntry> {
  const registered = ledgerActions();
  if (registered.size > 0) return registered;
  return builtIn;
}

const builtIn: ReadonlyMap<string, LedgerActionEntry> = new Map(
  Object.entries(ledgerActionsByModule).flatMap(([module, actions]) =>
    Object.entries(actions as Record<string, LedgerActionSpec>).map(
      ([action, spec]) => [action, { ...spec, module }] as const,
    ),
  ),
);

/** One kind of entry as the API document and `accord ledger actions` show it. */
export interface LedgerActionDescription {
  action: string;
  module: string;
  description: string;
  /** JSON Schema (draft 2020-12) of the payload. */
  payload: Record<string, unknown>;
}

/** Every kind of entry with the JSON Schema of its payload, in the modules' order. */
export function ledgerActionJsonSchemas(): LedgerActionDescription[] {
  return [...ledgerActionSpecs()].map(([action, spec]) => ({
    action,
    module: spec.module,
    description: spec.description,
    payload: z.toJSONSchema(spec.payload) as Record<string, unknown>,
  }));
}

/** A command tried to record an unknown kind of entry, or a payload its schema refuses: a programming error. */
export class LedgerPayloadError extends Error {
  override name = 'LedgerPayloadError';
}

/**
 * Checks an entry before it is appended: its action must be declared and, once the registry
 * is assembled, its payload (as it will read back from jsonb) must match the action's
 * schema. Throws `LedgerPayloadError`, which rolls back the command's transaction.
 */
export function checkLedgerEntry(action: string, payload: unknown): void {
  const registered = ledgerActions();
  if (registered.size === 0) {
    if (!LedgerAction.safeParse(action).success)
      throw new LedgerPayloadError(`unknown record action ${action}`);
    return;
  }
  const spec = registered.get(action);
  if (!spec) throw new LedgerPayloadError(`record action ${action} is declared by no module`);
  const result = spec.payload.safeParse(payload);
  if (!result.success)
    throw new LedgerPayloadError(
      `the payload of ${action} does not match its schema: ${z.prettifyError(result.error)}`,
    );
}
