import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyConsistency } from './merkle.ts';
import {
  cosignCheckpoint,
  type NoteError,
  noteText,
  type ParsedCheckpoint,
  parseCheckpoint,
  rawPublicKey,
  type Verifier,
  verifierKey,
  verifySignature,
} from './note.ts';

/**
 * A witness: a member state's own process, with its own key and its own storage, outside the
 * organisation's server and database (`accord witness run`). It fetches the log's newest
 * checkpoint over HTTP, checks the log's signature and the consistency proof from the
 * checkpoint it co-signed last, co-signs only an extension of it (C2SP tlog-witness's rule)
 * and posts its co-signature back. Shown anything else (a smaller tree, another root at the
 * same size, a proof that fails) it raises an alarm: it writes the evidence to its storage,
 * reports the fork to the server, and `run` exits non-zero. It never signs a second history.
 *
 * Its storage is one file per log: `<state dir>/<origin>.checkpoint`, the note it co-signed
 * last, written (atomically) before the co-signature leaves the process.
 */

export interface WitnessOptions {
  /** The witness's name in its co-signature lines (also the organisation file's). */
  name: string;
  privateKey: KeyObject;
  /** The log's base URL, e.g. https://accord.example.org. */
  logUrl: string;
  /** The log's verifier keys (name = origin); a checkpoint signed by none is refused. */
  logKeys: Verifier[];
  stateDir: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export type WitnessOutcome =
  | { kind: 'cosigned'; size: number; previous: number | null; accepted: string[] }
  | { kind: 'unchanged'; size: number }
  | { kind: 'empty' }
  | { kind: 'fork'; reason: string; cosignedSize: number; shownSize: number; evidence: string };

export class WitnessError extends Error {}

/** The verifier key of a witness key file, as the organisation file lists it. */
export function witnessVerifierKey(name: string, privateKey: KeyObject): string {
  return verifierKey(name, rawPublicKey(createPublicKey(privateKey)));
}

export function readWitnessKey(path: string): KeyObject {
  try {
    const key = createPrivateKey(readFileSync(path, 'utf8'));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error();
    return key;
  } catch {
    throw new WitnessError(`${path} is not an Ed25519 private key (PEM)`);
  }
}

const stateFile = (dir: string, origin: string) =>
  join(dir, `${origin.replace(/[^A-Za-z0-9._-]/g, '_')}.checkpoint`);

function writeAtomically(path: string, text: string) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}

/** The checkpoint this witness co-signed last for the log, or null. */
export function lastCosigned(stateDir: string, origin: string): ParsedCheckpoint | null {
  const file = stateFile(stateDir, origin);
  if (!existsSync(file)) return null;
  return parseCheckpoint(readFileSync(file, 'utf8'));
}

async function getJson(f: typeof fetch, url: string): Promise<unknown> {
  const response = await f(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new WitnessError(`${url} answered ${response.status}`);
  return response.json();
}

async function postJson(f: typeof fetch, url: string, body: unknown): Promise<Response> {
  return f(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** One round: fetch, check, co-sign or raise the alarm. */
export async function witnessOnce(options: WitnessOptions): Promise<WitnessOutcome> {
  const f = options.fetch ?? fetch;
  const base = options.logUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const response = await f(`${base}/api/ledger/checkpoint`, { headers: { accept: 'application/json' } });
  if (response.status === 404) return { kind: 'empty' };
  if (!response.ok) throw new WitnessError(`${base}/api/ledger/checkpoint answered ${response.status}`);
  const { note: text } = (await response.json()) as { note: string };
  let shown: ParsedCheckpoint;
  try {
    shown = parseCheckpoint(text);
  } catch (err) {
    throw new WitnessError(`the log's checkpoint cannot be read: ${(err as NoteError).message}`);
  }
  const logKey = options.logKeys.find((k) => k.name === shown.origin && verifySignature(shown, k));
  if (!logKey)
    throw new WitnessError(
      `the checkpoint of ${shown.origin} is not signed by a log key this witness trusts`,
    );
  // Only the log's signature is carried on; other witnesses' lines are not ours to vouch for.
  const logLine = shown.signatures.find((s) => s.name === logKey.name)!.line;
  mkdirSync(options.stateDir, { recursive: true });
  const previous = lastCosigned(options.stateDir, shown.origin);
  const fork = async (reason: string): Promise<WitnessOutcome> => {
    const held = readFileSync(stateFile(options.stateDir, shown.origin), 'utf8');
    const evidence = join(
      options.stateDir,
      `ALARM-${new Date(now() * 1000).toISOString().replace(/[:.]/g, '-')}.json`,
    );
    writeFileSync(evidence, JSON.stringify({ reason, cosigned: held, shown: text }, null, 2));
    // Tell the organisation too; the alarm stands whether or not the server listens.
    await postJson(f, `${base}/api/ledger/fork-reports`, {
      witness: options.name,
      cosignedNote: held,
      shownNote: text,
      reason,
    }).catch(() => undefined);
    return { kind: 'fork', reason, cosignedSize: previous!.size, shownSize: shown.size, evidence };
  };
  if (previous) {
    if (shown.size < previous.size)
      return fork(
        `the log shows ${shown.size} entries after this witness co-signed ${previous.size}: entries were removed`,
      );
    if (shown.size === previous.size) {
      if (!shown.root.equals(previous.root))
        return fork(
          `the log shows another root for the same ${shown.size} entries: its history was rewritten`,
        );
      // Already co-signed: hand the co-signature in again in case the server lost it.
      const held = readFileSync(stateFile(options.stateDir, shown.origin), 'utf8');
      await postJson(f, `${base}/api/ledger/cosignatures`, { note: held }).catch(() => undefined);
      return { kind: 'unchanged', size: shown.size };
    }
    const { proof } = (await getJson(
      f,
      `${base}/api/ledger/consistency?from=${previous.size}&to=${shown.size}`,
    )) as { proof: string[] };
    const hashes = proof.map((h) => Buffer.from(h, 'base64'));
    if (!verifyConsistency(previous.size, shown.size, previous.root, shown.root, hashes))
      return fork(
        `the log's tree of ${shown.size} entries does not extend the tree of ${previous.size} this witness co-signed: its history was rewritten`,
      );
  }
  const line = cosignCheckpoint(shown.body, options.name, options.privateKey, now());
  const cosigned = noteText(shown.body, [logLine, line]);
  // Remember first: a co-signature that left the process binds this witness.
  writeAtomically(stateFile(options.stateDir, shown.origin), cosigned);
  const answer = await postJson(f, `${base}/api/ledger/cosignatures`, { note: cosigned });
  if (!answer.ok)
    throw new WitnessError(`the log refused the co-signature: ${answer.status} ${await answer.text()}`);
  const { accepted } = (await answer.json()) as { accepted: string[] };
  return { kind: 'cosigned', size: shown.size, previous: previous?.size ?? null, accepted };
}
