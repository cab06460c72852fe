import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, personFromRow, systemActor } from '../../core/actor.ts';
import type { LedgerEntryRow, UserRow } from '../../db/schema.ts';
import { can } from '../../policy/index.ts';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';
import { buildUser, type TestContext, testContext, testLogKey } from '../../testing/harness.ts';
import { createCheckpoint } from './checkpoints.ts';
import { appendEntry } from './commands.ts';
import { exportLines, verifyExportFile } from './export.ts';
import { type ChainedFields, entryHash, GENESIS_HASH } from './hash.ts';
import { logKeyOf, newPrivateKeyPem } from './keys.ts';
import { memorySource, treeHash } from './merkle.ts';
import { checkpointBody, noteText, parseCheckpoint, parseVerifierKey, signCheckpoint } from './note.ts';
import { entryLeafHash } from './tree.ts';

// An exported record is a file anyone can verify offline. Changing, dropping or forging
// any line of it is caught and named; a redacted export hides payloads yet still verifies.

type ExportRecord = Record<string, unknown> & { type: string; seq?: number };

let t: TestContext;
let work: string;
let byHead: UserRow;
let entries: LedgerEntryRow[];
let mid: number;
let last: number;

beforeAll(async () => {
  t = await testContext();
  work = mkdtempSync(join(tmpdir(), 'accord-export-'));
  byHead = await buildUser(t.handle, {
    role: 'head_of_delegation',
    stateCode: 'BY',
    accessLevel: 'confidential',
  });
  await buildUser(t.handle, { stateCode: 'AM' });
  await buildUser(t.handle, { role: 'observer', partnerCode: 'UN' });
  await t.handle.db.transaction().execute(async (trx) => {
    for (const [classification, audience] of [
      [3, null],
      [1, ['AM']],
      [1, ['BY']],
      [0, null],
    ] as const)
      await appendEntry(trx, systemActor('test'), {
        action: 'user.updated',
        subjectType: 'note',
        subjectId: `c${classification}`,
        payload: { changes: { displayName: `c${classification} ${audience?.join('+') ?? 'all'}` } },
        classification,
        audience: audience ? [...audience] : null,
      });
  });
  await createCheckpoint(t.handle.db, testLogKey());
  await buildUser(t.handle, { stateCode: 'TJ' });
  entries = await t.handle.db.selectFrom('ledger_entries').selectAll().orderBy('seq').execute();
  last = entries.length;
  mid = Math.floor(last / 2);
});
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

async function exportTo(name: string, actor: Actor = systemActor('test')) {
  const path = join(work, name);
  const lines: string[] = [];
  for await (const line of exportLines(t.handle.db, actor, testLogKey())) lines.push(line);
  writeFileSync(path, lines.join(''));
  return { path, records: lines.map((line) => JSON.parse(line) as ExportRecord) };
}

/** Writes a copy of an exported file with its lines changed by `edit`. */
function rewrite(from: string, name: string, edit: (records: ExportRecord[]) => ExportRecord[]) {
  const path = join(work, name);
  const records = readFileSync(from, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportRecord);
  writeFileSync(
    path,
    `${edit(records)
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );
  return path;
}
const atEntry = (seq: number, change: (r: ExportRecord) => ExportRecord) => (records: ExportRecord[]) =>
  records.map((r) => (r.type === 'entry' && r.seq === seq ? change(r) : r));

describe('an exported file', () => {
  it('holds a header with the keys, every entry and the signed checkpoints, and verifies offline', async () => {
    const { path, records } = await exportTo('good.jsonl');
    expect(records[0]).toMatchObject({ type: 'header', format: 'accord-ledger/2', exportedBy: 'test' });
    expect(records.filter((r) => r.type === 'entry').map((r) => r.seq)).toEqual(
      entries.map((e) => Number(e.seq)),
    );
    const lastNote = records.at(-1);
    expect(lastNote?.type).toBe('checkpoint');
    expect(parseCheckpoint(String(lastNote?.note)).size).toBe(last);
    expect(await verifyExportFile(path)).toMatchObject({
      ok: true,
      checked: last,
      hiddenPayloads: 0,
      firstBad: null,
    });
  });

  it('with a line changed, dropped, reordered or a checkpoint forged, names the entry', async () => {
    const { path: good } = await exportTo('good.jsonl');
    const verdict = async (name: string, edit: (records: ExportRecord[]) => ExportRecord[]) =>
      (await verifyExportFile(rewrite(good, name, edit))).firstBad;

    expect(
      await verdict(
        'field.jsonl',
        atEntry(mid, (r) => ({ ...r, subjectId: 'someone-else' })),
      ),
    ).toEqual({
      seq: mid,
      reason: expect.stringMatching(/fields were changed/),
    });
    expect(
      await verdict(
        'payload.jsonl',
        atEntry(mid, (r) => ({ ...r, payload: { forged: true } })),
      ),
    ).toEqual({
      seq: mid,
      reason: expect.stringMatching(/payload was changed/),
    });
    expect(
      await verdict('dropped.jsonl', (rs) => rs.filter((r) => !(r.type === 'entry' && r.seq === mid))),
    ).toEqual({
      seq: mid,
      reason: expect.stringMatching(/missing/),
    });
    const swap = (rs: ExportRecord[]) => {
      const i = rs.findIndex((r) => r.type === 'entry' && r.seq === mid);
      return [...rs.slice(0, i), rs[i + 1], rs[i], ...rs.slice(i + 2)];
    };
    expect((await verdict('swapped.jsonl', swap))?.seq).toBe(mid);
    // A signature line of the right key ID but other bytes.
    const forged = (rs: ExportRecord[]) =>
      rs.map((r) => {
        if (r.type !== 'checkpoint') return r;
        const note = String(r.note);
        const [body, line] = note.split('\n\n');
        const [dash, name, sig] = line.split(' ');
        const bytes = Buffer.from(sig, 'base64');
        bytes.fill(1, 4);
        return { ...r, note: `${body}\n\n${dash} ${name} ${bytes.toString('base64')}\n` };
      });
    expect((await verdict('forged-checkpoint.jsonl', forged))?.reason).toMatch(
      /checkpoint of size \d+ is signed by no published log key/,
    );
    // Cutting off the tail is caught by the signed checkpoint that covers it.
    const tail = (rs: ExportRecord[]) => rs.filter((r) => !(r.type === 'entry' && r.seq === last));
    expect(await verdict('tail.jsonl', tail)).toEqual({
      seq: last,
      reason: expect.stringMatching(/signed checkpoint of size \d+ covers them/),
    });
  });

  it('rewritten end to end and re-signed with another key, it fools only a check that trusts the file’s own keys', async () => {
    const { path: good, records } = await exportTo('good.jsonl');
    const mallory = logKeyOf(createPrivateKey(newPrivateKeyPem()), testLogKey().name, 'mallory');
    const leaves: Buffer[] = [];
    let prevHash = GENESIS_HASH;
    const rechained = records.map((r) => {
      if (r.type !== 'entry') return r;
      const { type, hash: _hash, payload, ...fields } = r;
      const changed = {
        ...(fields as unknown as ChainedFields),
        prevHash,
        actorLabel: r.seq === mid ? 'mallory' : String(r.actorLabel),
      };
      prevHash = entryHash(changed);
      leaves.push(entryLeafHash(prevHash));
      return { type, ...changed, hash: prevHash, payload };
    });
    const source = memorySource(leaves);
    const resigned: ExportRecord[] = [];
    for (const r of rechained) {
      if (r.type === 'header')
        resigned.push({ ...r, publicKeys: [{ id: mallory.keyId, verifierKey: mallory.verifierKey }] });
      else if (r.type === 'checkpoint') {
        const size = parseCheckpoint(String(r.note)).size;
        const body = checkpointBody({ origin: mallory.name, size, root: await treeHash(size, source) });
        resigned.push({
          type: 'checkpoint',
          note: noteText(body, [signCheckpoint(body, mallory.name, mallory.privateKey)]),
        });
      } else resigned.push(r);
    }
    const forged = rewrite(good, 'resigned.jsonl', () => resigned);
    expect((await verifyExportFile(forged)).ok).toBe(true);
    const pinned = await verifyExportFile(forged, { logKeys: [parseVerifierKey(testLogKey().verifierKey)] });
    expect(pinned.ok).toBe(false);
    expect(pinned.firstBad?.reason).toMatch(/checkpoint of size \d+ is signed by no trusted log key/);
  });

  it('`accord ledger verify <file>` exits 0 on a good file and 2 with one line naming the entry on a changed one', {
    timeout: CLI_TIMEOUT * 2,
  }, async () => {
    const { path: good } = await exportTo('cli-good.jsonl');
    const changed = rewrite(
      good,
      'cli-changed.jsonl',
      atEntry(mid, (r) => ({ ...r, classification: r.classification === 0 ? 1 : 0 })),
    );
    const [ok, broken] = await Promise.all([
      runCli(['ledger', 'verify', good]),
      runCli(['ledger', 'verify', changed]),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`^OK: .*cli-good\\.jsonl: ${last} entries verified`));
    expect(broken.code).toBe(2);
    const lines = broken.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^accord: the record is broken at entry ${mid}: its fields were changed`),
    );
  });
});

describe('a redacted export', () => {
  it('hides from a head of delegation the payloads they may not read, and still verifies', async () => {
    const viewer = personFromRow(byHead);
    const { path, records } = await exportTo('head.jsonl', viewer);
    const exported = records.filter((r) => r.type === 'entry');
    const hidden = entries.filter((e) => !can(viewer, 'read', 'ledgerEntry', e)).map((e) => Number(e.seq));
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.length).toBeLessThan(entries.length);
    // What the head may not read is reduced to its place in the chain: no action, subject,
    // actor, audience or payload; only the hashes.
    const redacted = exported.filter((r) => !('action' in r));
    expect(redacted.map((r) => r.seq)).toEqual(hidden);
    for (const r of redacted)
      expect(Object.keys(r).sort()).toEqual(['bodyHash', 'hash', 'prevHash', 'seq', 'type']);
    const note = (classification: number, audience: string | null) =>
      exported.find(
        (r) =>
          r.subjectType === 'note' &&
          r.classification === classification &&
          ((r.audience as string[] | null)?.[0] ?? null) === audience,
      );
    expect(note(3, null)).toBeUndefined(); // secret, above a head's access level
    expect(note(1, 'AM')).toBeUndefined(); // another delegation's
    expect(note(1, 'BY')?.payload).toEqual({ changes: { displayName: 'c1 BY' } });
    expect(note(0, null)?.payload).toEqual({ changes: { displayName: 'c0 all' } });
    expect(await verifyExportFile(path)).toMatchObject({
      ok: true,
      checked: entries.length,
      hiddenPayloads: hidden.length,
    });
  });

  it('over the API too: a head of delegation downloads the redacted file, a delegate gets 403', async () => {
    const delegate = await buildUser(t.handle, { stateCode: 'BY' });
    expect((await t.request('/api/ledger/export', { as: delegate })).status).toBe(403);
    const res = await t.request('/api/ledger/export', { as: byHead });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="accord-record-.*\.jsonl"$/,
    );
    const path = join(work, 'api.jsonl');
    writeFileSync(path, await res.text());
    const result = await verifyExportFile(path);
    expect(result.ok).toBe(true);
    expect(result.hiddenPayloads).toBeGreaterThan(0);
  });
});
