import type { LedgerActionSpec } from './module.ts';

/**
 * Every kind of record entry, by action, with its payload schema: each module merges its
 * own table in from its `record.ts`, so the record knows every action's fields without
 * importing the modules that write them.
 *
 * @example
 * type Mine = typeof decisionsLedgerActions;
 * declare module '../../core/record.ts' {
 *   interface RecordActions extends Mine {}
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: modules merge their actions into it
export interface RecordActions {}

/** The name of a kind of record entry, e.g. `"proposal.created"`. */
export type LedgerAction = keyof RecordActions & string;

type SpecOf<A extends LedgerAction> = RecordActions[A] extends LedgerActionSpec ? RecordActions[A] : never;
/** The payload schema of one kind of entry. */
export type PayloadSchemaOf<A extends LedgerAction> = SpecOf<A>['payload'];
