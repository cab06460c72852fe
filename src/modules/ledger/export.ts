import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { listCheckpoints, streamEntries } from './queries.ts';
import { type Checkpoint, createCheckpoint, type PublicKeyInfo, publicKeys } from './signing.ts';
import { ChainVerifier, type ExportedEntry, type VerifyResult } from './verify.ts';

export const EXPORT_FORMAT = 'accord-ledger/1';

/**
 * The record as JSON Lines: a header (format, keys), then one line per entry
 * (`{"type":"entry",…}`), then the signed checkpoints. Signs the current head first so
 * the file ends on a checkpoint.
 */
export async function* exportLines(db: Db, actor: Actor): AsyncGenerator<string> {
  await createCheckpoint(db);
  const [keys, checkpoints] = await Promise.all([publicKeys(db), listCheckpoints(db)]);
  yield `${JSON.stringify({ type: 'header', format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), exportedBy: actor.kind === 'system' ? actor.label : actor.username, publicKeys: keys })}\n`;
  for await (const entry of streamEntries(db, actor))
    yield `${JSON.stringify({ type: 'entry', ...entry })}\n`;
  for (const checkpoint of checkpoints) yield `${JSON.stringify({ type: 'checkpoint', ...checkpoint })}\n`;
}

/** Reads an exported file and verifies it offline, using the keys it names. */
export async function verifyExportFile(
  path: string,
  onProgress?: (checked: number) => void,
  trustedKeys?: PublicKeyInfo[],
): Promise<VerifyResult> {
  // Checkpoints come after the entries, so read the file twice: keys and checkpoints, then entries.
  let keys: PublicKeyInfo[] = [];
  const checkpoints: Checkpoint[] = [];
  let lineNo = 0;
  for await (const line of readLines(path)) {
    lineNo++;
    // Entries are read in the second pass; here only the header and the checkpoints.
    if (lineNo > 1 && line.startsWith('{"type":"entry"')) continue;
    const record = parseLine(line, lineNo);
    if (record.type === 'header') {
      if (record.format !== EXPORT_FORMAT)
        throw new Error(`line ${lineNo}: not an Accord record export (${String(record.format)})`);
      keys = record.publicKeys as PublicKeyInfo[];
    } else if (record.type === 'checkpoint') {
      const { type: _t, ...checkpoint } = record;
      checkpoints.push(checkpoint as unknown as Checkpoint);
    }
  }
  if (lineNo === 0) throw new Error('the file is empty');
  const verifier = new ChainVerifier(checkpoints, trustedKeys ?? keys);
  let n = 0;
  lineNo = 0;
  for await (const line of readLines(path)) {
    lineNo++;
    const record = parseLine(line, lineNo);
    if (record.type !== 'entry') continue;
    const { type: _t, ...entry } = record;
    if (!verifier.push(entry as unknown as ExportedEntry)) break;
    n++;
    if (onProgress && n % 1000 === 0) onProgress(n);
  }
  onProgress?.(n);
  return verifier.finish();
}

async function* readLines(path: string) {
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line.trim()) yield line;
}

function parseLine(line: string, lineNo: number): Record<string, unknown> & { type: string } {
  try {
    const value = JSON.parse(line);
    if (value && typeof value === 'object' && typeof value.type === 'string') return value;
  } catch {
    /* reported below */
  }
  throw new Error(`line ${lineNo}: not a JSON record line`);
}
