import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { createCheckpoint, listWitnesses, witnessQuorum } from './checkpoints.ts';
import { type LogKey, publishedKeys } from './keys.ts';
import { parseVerifierKey, type Verifier } from './note.ts';
import { checkpointNotes, streamEntries } from './queries.ts';
import { type Anchors, ChainVerifier, type ExportedEntry, type VerifyResult } from './verify.ts';

export const EXPORT_FORMAT = 'accord-ledger/2';

/**
 * The record as JSON Lines: a header (format, the log's published keys, the witnesses), one
 * line per entry (`{"type":"entry",…}`; entries the reader may not read reduced to their
 * hashes), then the checkpoints as signed notes with their co-signatures. With the log's key
 * the current head is signed first, so the file ends on a checkpoint.
 */
export async function* exportLines(db: Db, actor: Actor, key?: LogKey | null): AsyncGenerator<string> {
  if (key) await createCheckpoint(db, key);
  const [keys, notes, witnesses, quorum] = await Promise.all([
    publishedKeys(db),
    checkpointNotes(db),
    listWitnesses(db),
    witnessQuorum(db),
  ]);
  yield `${JSON.stringify({
    type: 'header',
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    exportedBy: actor.kind === 'system' ? actor.label : actor.username,
    publicKeys: keys.map((k) => ({ id: k.id, verifierKey: k.verifierKey, retiredAt: k.retiredAt })),
    witnesses: witnesses
      .filter((w) => w.active)
      .map((w) => ({ name: w.name, state: w.state, verifierKey: w.verifierKey })),
    quorum,
  })}\n`;
  for await (const entry of streamEntries(db, actor))
    yield `${JSON.stringify({ type: 'entry', ...entry })}\n`;
  for (const note of notes) yield `${JSON.stringify({ type: 'checkpoint', note })}\n`;
}

/**
 * Reads an exported file and verifies it offline. The keys the file names are used only when
 * no trusted anchor is given; the witnesses it names are never trusted on its word.
 */
export async function verifyExportFile(
  path: string,
  anchors: Anchors = {},
  onProgress?: (checked: number) => void,
): Promise<VerifyResult> {
  // Checkpoints come after the entries, so read the file twice: keys and checkpoints, then entries.
  let published: Verifier[] = [];
  const notes: string[] = [];
  let lineNo = 0;
  for await (const line of readLines(path)) {
    lineNo++;
    // Entries are read in the second pass; here only the header and the checkpoints.
    if (lineNo > 1 && line.startsWith('{"type":"entry"')) continue;
    const record = parseLine(line, lineNo);
    if (record.type === 'header') {
      if (record.format !== EXPORT_FORMAT)
        throw new Error(
          `line ${lineNo}: not an Accord record export of format ${EXPORT_FORMAT} (${String(record.format)})`,
        );
      published = ((record.publicKeys ?? []) as { verifierKey?: string | null }[]).flatMap((k) => {
        try {
          return k.verifierKey ? [parseVerifierKey(k.verifierKey)] : [];
        } catch {
          throw new Error(`line ${lineNo}: a public key of the header cannot be read`);
        }
      });
    } else if (record.type === 'checkpoint') {
      if (typeof record.note !== 'string')
        throw new Error(`line ${lineNo}: a checkpoint line carries its note`);
      notes.push(record.note);
    }
  }
  if (lineNo === 0) throw new Error('the file is empty');
  const verifier = new ChainVerifier(notes, published, anchors);
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
