import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';
import type { LedgerAction, PayloadSchemaOf } from '../../core/record.ts';
import { ledgerActions } from '../../core/registry.ts';

/**
 * Every kind of entry the record can hold is declared by the module that writes it, in its
 * `record.ts`: a one-line description and the zod schema of the payload (strict objects, so a
 * field nobody declared is refused). The module lists the table in its index.ts
 * (`ledgerActions`) and merges its type into `RecordActions` (src/core/record.ts); the
 * registry gathers them, `appendEntry` refuses unknown kinds and payloads that do not match.
 * The record itself imports no module.
 */
export type { LedgerAction } from '../../core/record.ts';

/** The payload of one kind of entry, e.g. `LedgerPayload<'user.created'>`. */
export type LedgerPayload<A extends LedgerAction> = z.infer<PayloadSchemaOf<A>>;

/**
 * An entry's action with its payload, one member per action: what a reader of the record
 * (the record page, exports) can rely on once `action` is known.
 *
 * @example
 * const entry = ledgerEntryPayload().parse({ action: row.action, payload: row.payload });
 * if (entry.action === 'clearance.leg_decided') console.log(entry.payload.clearanceNumber);
 */
export type LedgerEntryPayload = {
  [A in LedgerAction]: { action: A; payload: LedgerPayload<A> };
}[LedgerAction];

let union: { size: number; schema: z.ZodType<LedgerEntryPayload> } | null = null;

/** The discriminated union over every declared action (built once from the registry). */
export function ledgerEntryPayload(): z.ZodType<LedgerEntryPayload> {
  const specs = ledgerActionSpecs();
  if (!union || union.size !== specs.size) {
    const members = [...specs].map(([action, spec]) =>
      z.strictObject({ action: z.literal(action), payload: spec.payload }),
    );
    union = {
      size: specs.size,
      schema: z.discriminatedUnion('action', members as unknown as [z.ZodObject, ...z.ZodObject[]]) as never,
    };
  }
  return union.schema;
}

export type LedgerActionEntry = LedgerActionSpec & { module: string };

/** The kinds of entry in force: what the assembled modules declared. */
export function ledgerActionSpecs(): ReadonlyMap<string, LedgerActionEntry> {
  const registered = ledgerActions();
  if (registered.size === 0)
    throw new LedgerPayloadError(
      'no record actions are declared: assemble the platform first (src/platform.ts)',
    );
  return registered;
}

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
 * Checks an entry before it is appended: its action must be declared and its payload (as it will read back from jsonb) must match the action's
 * schema. Throws `LedgerPayloadError`, which rolls back the command's transaction.
 */
export function checkLedgerEntry(action: string, payload: unknown): void {
  const spec = ledgerActionSpecs().get(action);
  if (!spec) throw new LedgerPayloadError(`record action ${action} is declared by no module`);
  const result = spec.payload.safeParse(payload);
  if (!result.success)
    throw new LedgerPayloadError(
      `the payload of ${action} does not match its schema: ${z.prettifyError(result.error)}`,
    );
}
