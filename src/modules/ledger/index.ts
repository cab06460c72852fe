import { defineModule, type PolicyRules } from '../../core/module.ts';
import { registerLedgerCommands } from './cli.ts';
import { fillPayloadTexts } from './payload-texts.ts';
import { ledgerRules } from './policy.ts';
import { ledgerLedgerActions } from './record.ts';
import { registerLedgerRoutes } from './routes.ts';
import { RecordSequencer } from './sequencer.ts';

/**
 * The record: entries appended in each command's transaction, chained, kept as a Merkle tree
 * log, checkpointed with the log's key (a file outside the database) and co-signed by the
 * member states' witnesses; proofs and verification against trusted anchors.
 */
export const ledgerModule = defineModule({
  name: 'ledger',
  ledgerActions: ledgerLedgerActions,
  routes: registerLedgerRoutes,
  publicPaths: [
    { method: 'GET', path: '/api/ledger/public-keys' },
    { method: 'GET', path: '/api/ledger/checkpoint' },
    { method: 'GET', path: '/api/ledger/consistency' },
    { method: 'GET', path: '/api/ledger/witnesses' },
    { method: 'POST', path: '/api/ledger/cosignatures' },
    { method: 'POST', path: '/api/ledger/fork-reports' },
  ],
  policy: ledgerRules as PolicyRules,
  // A witness's alarm reaches the member states' national systems (checkpoints.ts reportFork).
  webhookEvents: {
    record_fork: {
      description: 'A witness of the record was shown a history that does not extend the one it co-signed',
    },
  },
  cli: registerLedgerCommands,
  // Entries from before migration 0019 get the payload text the verifier hashes.
  prepare: async (db) => {
    await fillPayloadTexts(db);
  },
  // Numbers, chains and trees the entries the commands wrote (one leader per database).
  runners: (handle) => [new RecordSequencer(handle)],
});

export {
  type BatchDigest,
  BatchDigestSchema,
  type BatchProof,
  batchDigest,
  batchProofs,
  checkBatchProof,
} from './batch.ts';
export {
  type CheckpointView,
  checkpointCovering,
  createCheckpoint,
  setWitnesses,
  type WitnessSpec,
} from './checkpoints.ts';
export {
  appendEntry,
  appendReferencedEntry,
  LIVE_CHANNEL,
  type RecordedEntry,
  type RecordInput,
  type ReferencedEntry,
  type WrittenEntry,
} from './commands.ts';
export { bodyHash, canonicalJson, linkHash, payloadHash, sha256Hex } from './hash.ts';
export {
  configuredLogKey,
  ensureLogKey,
  type LogKey,
  logKeyOf,
  newPrivateKeyPem,
  readLogKey,
  registerLogKey,
} from './keys.ts';
export { parseVerifierKey } from './note.ts';
export { EntryStandingSchema } from './present.ts';
export { buildProof, checkProof, type EntryStanding, entryStanding, type ProofDocument } from './proof.ts';
export { toExported, verifyDatabase } from './queries.ts';
export {
  integratePending,
  pendingCount,
  RecordSequencer,
  recordedEntry,
  reserveRecordIds,
  SEQUENCER_POLL_MS,
  SEQUENCER_RETRY_MS,
  settleRecord,
} from './sequencer.ts';
export { completeTree } from './tree.ts';
export type { VerifyResult } from './verify.ts';
