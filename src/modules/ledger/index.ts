import { defineModule, type PolicyRules } from '../../core/module.ts';
import { registerLedgerCommands } from './cli.ts';
import { ledgerRules } from './policy.ts';
import { registerLedgerRoutes } from './routes.ts';

/** The record: entries appended in each command's transaction, chained, checkpointed, verified. */
export const ledgerModule = defineModule({
  name: 'ledger',
  routes: registerLedgerRoutes,
  publicPaths: [{ path: '/api/ledger/public-keys' }],
  policy: ledgerRules as PolicyRules,
  cli: registerLedgerCommands,
});

export { appendEntry, LIVE_CHANNEL, type RecordedEntry, type RecordInput } from './commands.ts';
export { bodyHash, canonicalJson, linkHash, payloadHash, sha256Hex } from './hash.ts';
export { listCheckpoints, toExported, verifyDatabase } from './queries.ts';
export {
  checkpointSignatureValid,
  createCheckpoint,
  ensureSigningKey,
  loadPublicKeys,
  publicKeys,
} from './signing.ts';
export type { VerifyResult } from './verify.ts';
