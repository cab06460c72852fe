import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { personFromRow, systemActor } from '../../core/actor.ts';
import type { AccordModule } from '../../core/module.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import { assemblePlatform } from '../../platform.ts';
import { prepareDatabase } from '../../server.ts';
import { buildUser, testDatabase, testLogKey } from '../../testing/harness.ts';
import { requestBody } from '../../testing/simulations/clearances.ts';
import { stepAlert } from '../alerts/commands.ts';
import { importValues } from '../alerts/values.ts';
import { AddAttachmentInput, addAttachment, removeAttachment } from '../attachments/index.ts';
import { changePassword, createToken, revokeToken, signIn, signOut } from '../auth/commands.ts';
import { backupToFile } from '../backup/backup.ts';
import { restoreFromFile } from '../backup/restore.ts';
import { createAssetList, deleteAssetList } from '../clearances/asset-lists/commands.ts';
import { requestDeployment } from '../clearances/deployments/commands.ts';
import { buildClearancePeople, buildClearanceRequest } from '../clearances/factories.ts';
import { askInfo, decideLeg, giveInfo } from '../clearances/legs/commands.ts';
import { revokeStandingPermission } from '../clearances/permissions/commands.ts';
import { requestAttachments } from '../clearances/requests/attachments.ts';
import {
  amendRequest,
  submitRequest,
  updateDraft,
  withdrawRequest,
} from '../clearances/requests/commands.ts';
import {
  AmendRequestInput,
  AssetListInput,
  DecideLegInput,
  RequestDeploymentInput,
  UpdateDraftInput,
} from '../clearances/schema.ts';
import { consultationAttachments } from '../consultations/attachments.ts';
import { closeConsultation, concludeConsultation, openConsultation } from '../consultations/commands.ts';
import { makeProposal } from '../consultations/proposal.ts';
import { OpenConsultationInput } from '../consultations/schema.ts';
import { proposalAttachments } from '../decisions/attachments.ts';
import { closeDue } from '../decisions/deadlines.ts';
import { buildProcedure, buildProposal } from '../decisions/factories.ts';
import { BreakSilenceInput } from '../decisions/schema.ts';
import { breakSilence } from '../decisions/stances.ts';
import { authoriseDelegate, revokeDelegate } from '../delegations/index.ts';
import { escalateDueMessages } from '../hotline/escalation.ts';
import { MODULES } from '../index.ts';
import { reportAttachments } from '../monitoring/attachments.ts';
import { changeCollection, createCollection, deleteCollection } from '../monitoring/collections/commands.ts';
import { correctReport, mergeReport } from '../monitoring/commands.ts';
import { reportBody } from '../monitoring/factories.ts';
import { importReports } from '../monitoring/import.ts';
import { changeMembers, changeMission } from '../monitoring/missions/commands.ts';
import { CorrectReportInput } from '../monitoring/schema.ts';
import { rotateCalendarLink, setPreferences } from '../notifications/commands.ts';
import { setLocale, setUserDisabled, updateUser } from '../users/commands.ts';
import { createWebhook, deleteWebhook, updateWebhook } from '../webhooks/commands.ts';
import { webhooksLedgerActions } from '../webhooks/record.ts';
import { CreateWebhookInput, UpdateWebhookInput } from '../webhooks/schema.ts';
import { type LedgerAction, LedgerPayloadError, ledgerActionSpecs, ledgerEntryPayload } from './actions.ts';
import { createCheckpoint, reportFork, setWitnesses } from './checkpoints.ts';
import { appendEntry } from './commands.ts';
import { newPrivateKeyPem } from './keys.ts';
import { cosignCheckpoint, noteText, parseCheckpoint } from './note.ts';
import { verifyDatabase } from './queries.ts';
import { settleRecord } from './sequencer.ts';
import { witnessVerifierKey } from './witness.ts';

// Typed record payloads: every kind of entry has a description and a strict zod schema of its
// payload, every entry the demo and the commands write matches it, and appendEntry refuses
// (rolling the command back) an unknown kind or a payload its schema does not describe.

/** The module list, each module with its record actions (its record.ts, listed in its index.ts). */
const withRecordActions: readonly AccordModule[] = MODULES;
/** Every action the modules declare. */
const declaredActions = () => [...ledgerActionSpecs().keys()];
/** Kinds still declared so old entries read, never written again. */
const retired = (action: string) => Boolean(ledgerActionSpecs().get(action)?.retired);

const HOUR = 3_600_000;
/** The demo organisation's council, where every member state sits. */
const COUNCIL = 'collective-security-council';

/** The entries whose payload the union refuses, and the actions seen (once all have their place). */
async function entriesThatDoNotParse(handle: DbHandle) {
  await settleRecord(handle.db);
  const rows = await handle.db.selectFrom('ledger_entries').select(['seq', 'action', 'payload']).execute();
  const bad = rows.flatMap((row) => {
    const parsed = ledgerEntryPayload().safeParse({ action: row.action, payload: row.payload });
    return parsed.success ? [] : [`#${row.seq} ${row.action}: ${z.prettifyError(parsed.error)}`];
  });
  return { actions: new Set(rows.map((r) => r.action)), bad };
}

describe('the demo organisation and the commands write only declared payloads', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await testDatabase();
    // prepareDatabase assembles the platform itself (for the demo loaders): assemble with the
    // record actions after it, so the commands below are checked as they write.
    await prepareDatabase(handle, undefined, testLogKey());
    assemblePlatform(withRecordActions);
  }, 180_000);
  afterAll(async () => {
    assemblePlatform();
    await handle?.close();
  });

  it('every entry of the demo (organisation, decisions, clearances) matches its schema', async () => {
    const { actions, bad } = await entriesThatDoNotParse(handle);
    expect(bad).toEqual([]);
    for (const action of ['organisation.loaded', 'user.created', 'procedure.closed', 'clearance.leg_tacit'])
      expect(actions.has(action), action).toBe(true);
  });

  // The commands of every module, run with the registry checking each payload as it is written.
  const run = <T>(fn: (trx: Db) => Promise<T>) => handle.db.transaction().execute(fn);
  const operator = systemActor('test');
  const now = new Date();
  const later = (hours: number) => new Date(now.getTime() + hours * HOUR);
  /** What must never reach the record: secrets made by the commands below. */
  const secrets: string[] = ['another good passphrase'];
  const file = AddAttachmentInput.parse({
    filename: 'note.txt',
    contentType: 'text/plain',
    dataBase64: Buffer.from('A note to the file.').toString('base64'),
  });

  it('auth, users, notifications and webhooks write declared payloads, and no secret', async () => {
    const byHead = await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: 'BY',
      accessLevel: 'secret',
    });
    const head = personFromRow(byHead);
    const victim = await buildUser(handle, { stateCode: 'BY' });
    const signInAs = (username: string, password: string, at: Date) =>
      run((trx) => signIn(trx, { username, password }, { sessionHours: 8, now: at }));
    await signInAs('nobody-here', 'whatever password', now);
    for (let i = 0; i < 3; i++) await signInAs(victim.username, 'wrong password', now);
    await signInAs(victim.username, 'wrong password', now); // too soon
    for (let i = 4; i <= 6; i++) await signInAs(victim.username, 'wrong password', later(i)); // locked at the 5th
    await run((trx) => setUserDisabled(trx, operator, victim.id, true));
    await signInAs(victim.username, 'correct horse battery', later(7)); // disabled
    await run((trx) => setUserDisabled(trx, operator, victim.id, false));
    expect((await signInAs(byHead.username, 'correct horse battery', now)).ok).toBe(true);
    await run((trx) =>
      changePassword(trx, head, { currentPassword: 'correct horse battery', newPassword: secrets[0] }),
    );
    await run((trx) => signOut(trx, head, 'no-such-session'));
    const { token, row: tokenRow } = await run((trx) => createToken(trx, head, { name: 'national system' }));
    await run((trx) => revokeToken(trx, head, tokenRow.id));

    await run((trx) =>
      updateUser(trx, operator, victim.id, { displayName: 'Renamed', email: 'r@example.org' }),
    );
    await run((trx) => setLocale(trx, head, 'ru'));
    await run((trx) => setPreferences(trx, head, { disabled: ['outcome', 'deadline_1h'] }));
    const calendar = await run((trx) => rotateCalendarLink(trx, head));

    const created = await run((trx) =>
      createWebhook(trx, operator, 'BY', CreateWebhookInput.parse({ url: 'https://example.org/accord' })),
    );
    const rotated = await run((trx) =>
      updateWebhook(
        trx,
        operator,
        'BY',
        created.webhook.id,
        UpdateWebhookInput.parse({ rotateSecret: true }),
      ),
    );
    await run((trx) => deleteWebhook(trx, operator, 'BY', created.webhook.id));
    secrets.push(token, calendar.token, created.secret, String(rotated.secret));
    expect((await entriesThatDoNotParse(handle)).bad).toEqual([]);
  }, 60_000);

  it('decisions write declared payloads: delegates, attachments, an amendment, an extension', async () => {
    const head = personFromRow(await buildUser(handle, { role: 'head_of_delegation', stateCode: 'BY' }));
    const delegate = await buildUser(handle, { role: 'delegate', stateCode: 'BY' });
    await run((trx) => authoriseDelegate(trx, operator, 'BY', delegate.id));
    await run((trx) => revokeDelegate(trx, operator, 'BY', delegate.id));
    const proposal = await buildProposal(handle, { body: COUNCIL });
    const attachment = await run((trx) =>
      addAttachment(trx, operator, proposalAttachments, proposal.id, file),
    );
    await run((trx) => removeAttachment(trx, operator, proposalAttachments, proposal.id, attachment.id));
    const silence = await buildProcedure(handle, { proposal, kind: 'silence', deadline: HOUR, now });
    await run((trx) =>
      breakSilence(
        trx,
        head,
        silence.id,
        BreakSilenceInput.parse({ kind: 'propose_amendment', points: ['1'], text: 'A better first point' }),
        now,
      ),
    );
    // Extended once at the first look past its deadline (below, with the deployment's).
    await buildProcedure(handle, {
      proposal: { body: COUNCIL },
      kind: 'written',
      missingAnswer: 'extend_once',
      extensionHours: 48,
      deadline: HOUR,
      now,
    });
    expect((await entriesThatDoNotParse(handle)).bad).toEqual([]);
  }, 60_000);

  it('clearances write declared payloads: a draft, a file, questions, conditions, an amendment, a denial, a withdrawal, a deployment', async () => {
    const people = await buildClearancePeople(handle);
    // The demo's standing permissions would clear the legs at once: revoked first.
    const permissions = await handle.db.selectFrom('standing_permissions').select('id').execute();
    for (const p of permissions) await run((trx) => revokeStandingPermission(trx, operator, p.id));
    const by = personFromRow(people.byHead);
    const ru = personFromRow(people.ruHead);
    const draft = await buildClearanceRequest(handle, { by: people.byHead, submit: false, now });
    await run((trx) =>
      updateDraft(
        trx,
        by,
        draft.id,
        UpdateDraftInput.parse({ ...requestBody({}, now), title: 'Changed' }),
        now,
      ),
    );
    const clearanceFile = await run((trx) => addAttachment(trx, by, requestAttachments, draft.id, file));
    await run((trx) => removeAttachment(trx, by, requestAttachments, draft.id, clearanceFile.id));
    await run((trx) => submitRequest(trx, by, draft.id, now));
    await run((trx) => askInfo(trx, ru, draft.id, 'RU', { question: 'How many drivers?' }, now));
    await run((trx) => giveInfo(trx, by, draft.id, 'RU', { answer: 'Twenty-four.' }, now));
    const withConditions = DecideLegInput.parse({
      decision: 'approve_with_conditions',
      conditions: [{ kind: 'escort', text: 'Escorted from the border' }],
    });
    await run((trx) => decideLeg(trx, personFromRow(people.kzHead), draft.id, 'KZ', withConditions, now));
    const amendment = AmendRequestInput.parse({
      ...requestBody({ personnel: 30 }, now),
      reason: 'Fewer people',
    });
    await run((trx) => amendRequest(trx, by, draft.id, amendment, now));
    const denial = DecideLegInput.parse({ decision: 'deny', reason: 'Road closed' });
    await run((trx) => decideLeg(trx, ru, draft.id, 'RU', denial, now));
    const second = await buildClearanceRequest(handle, { by: people.byHead, now });
    await run((trx) => withdrawRequest(trx, by, second.id, { reason: 'Exercise cancelled' }, now));
    const assets = AssetListInput.parse({ name: 'Convoy', assets: requestBody({}, now).assets });
    const list = await run((trx) => createAssetList(trx, by, assets, now));
    await run((trx) => deleteAssetList(trx, by, list.id));

    // A deployment whose silence procedure closes adopted, its movement becoming a request.
    const { framework: _f, classification: _c, ...movement } = requestBody({}, now);
    const deployment = RequestDeploymentInput.parse({
      title: 'Collective forces to Minsk',
      purpose: 'Joint response to an emergency',
      hostState: 'BY',
      movements: [{ ...movement, requestingState: 'BY' }],
    });
    await run((trx) => requestDeployment(trx, by, deployment, now));
    await closeDue(handle.db, later(2)); // the written procedure above: extended once
    await closeDue(handle.db, later(13)); // the deployment's silence procedure: adopted

    // The record's own entries: its key (published by prepareDatabase), its witnesses, a fork report.
    const witnessKey = createPrivateKey(newPrivateKeyPem());
    const witness = {
      name: 'witness.by',
      state: 'BY',
      verifierKey: witnessVerifierKey('witness.by', witnessKey),
    };
    await run((trx) => setWitnesses(trx, operator, [witness], 1));
    const checkpoint = await createCheckpoint(handle.db, testLogKey());
    const { body } = parseCheckpoint(checkpoint!.note);
    const cosigned = noteText(body, [cosignCheckpoint(body, witness.name, witnessKey, 1_800_000_000)]);
    await reportFork(handle.db, {
      witness: witness.name,
      cosignedNote: cosigned,
      shownNote: checkpoint!.note,
      reason: 'a test',
    });
    expect((await entriesThatDoNotParse(handle)).bad).toEqual([]);
  }, 60_000);

  it('early warning writes declared payloads: an import, an alert acknowledged, escalated, closed', async () => {
    const at = new Date(now.getTime() - 60_000).toISOString();
    await run((trx) => importValues(trx, operator, `indicator,at,value\ntj-af-bread-price,${at},5\n`, now));
    const alert = await handle.db
      .selectFrom('alerts')
      .select('id')
      .where('status', '=', 'open')
      .orderBy('raised_at')
      .executeTakeFirstOrThrow();
    await run((trx) => stepAlert(trx, operator, alert.id, 'acknowledge', { note: 'Seen' }, now));
    await run((trx) => stepAlert(trx, operator, alert.id, 'escalate', { note: 'For the council' }, now));
    await run((trx) => stepAlert(trx, operator, alert.id, 'close', { reason: 'Prices fell' }, now));
    expect((await entriesThatDoNotParse(handle)).bad).toEqual([]);
  });

  it('monitoring writes declared payloads: an import, a correction, a file added and removed, a merge, a collection removed, a mission changed and its members', async () => {
    const person = async (username: string) =>
      personFromRow(
        await handle.db
          .selectFrom('users')
          .selectAll()
          .where('username', '=', username)
          .executeTakeFirstOrThrow(),
      );
    const [focal, monitor, admin] = [
      await person('tj.focal'),
      await person('secretariat.monitor'),
      await person('secretariat.admin'),
    ];
    const day = new Date(now.getTime() - 2 * 24 * HOUR).toISOString().slice(0, 10);
    const [kept, dup] = await run((trx) =>
      importReports(
        trx,
        focal,
        `title,category,occurred_at,latitude,longitude\nA,border-incident,${day},39.9,70.6\nB,border-incident,${day},39.9,70.6\n`,
      ),
    );
    await run((trx) =>
      correctReport(
        trx,
        focal,
        kept.id,
        CorrectReportInput.parse({
          ...reportBody({ category: 'border-incident' }),
          version: 1,
          reason: 'Better title',
        }),
      ),
    );
    const photo = await run((trx) =>
      addAttachment(
        trx,
        focal,
        reportAttachments,
        kept.id,
        AddAttachmentInput.parse({ filename: 'post.txt', contentType: 'text/plain', dataBase64: 'YQ==' }),
      ),
    );
    await run((trx) => removeAttachment(trx, focal, reportAttachments, kept.id, photo.id));
    await run((trx) => mergeReport(trx, monitor, dup.id, { into: kept.id, reason: 'Same event' }));
    await run(async (trx) => {
      const collection = await createCollection(trx, monitor, { name: 'Payload test', description: '' });
      await changeCollection(trx, monitor, collection.id, { add: [kept.id], remove: [] });
      await deleteCollection(trx, monitor, collection.id);
    });
    const mission = await handle.db.selectFrom('observation_missions').select('id').executeTakeFirstOrThrow();
    await run((trx) => changeMembers(trx, admin, mission.id, { add: [], remove: [focal.id] }));
    await run((trx) =>
      changeMission(trx, admin, mission.id, { mandate: 'Renewed for a year', reason: 'Decision No. 12' }),
    );
    expect((await entriesThatDoNotParse(handle)).bad).toEqual([]);
  });

  it('the hotline writes declared payloads: the waiting demo message escalated', async () => {
    // The demo sent, acknowledged and designated; a day on, its waiting message is escalated.
    const escalated = await escalateDueMessages(handle.db, new Date(Date.now() + 24 * HOUR));
    expect(escalated.length).toBeGreaterThan(0);
  });
  it('consultations write declared payloads: documents, a conclusion, a proposal, a closing', async () => {
    // The demo's consultation (KG and TJ, facilitated by the secretariat's monitor, one point agreed).
    const row = await handle.db.selectFrom('consultations').selectAll().executeTakeFirstOrThrow();
    const facilitator = personFromRow(
      await handle.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', row.facilitator)
        .executeTakeFirstOrThrow(),
    );
    const document = await run((trx) =>
      addAttachment(trx, facilitator, consultationAttachments, row.id, file),
    );
    await run((trx) => removeAttachment(trx, facilitator, consultationAttachments, row.id, document.id));
    await run((trx) => concludeConsultation(trx, facilitator, row.id, 'Both sides step back.', now));
    await run((trx) => makeProposal(trx, operator, row.id, { body: COUNCIL }, now));
    const input = OpenConsultationInput.parse({
      title: 'To close',
      participants: ['KG', 'TJ'],
      facilitator: facilitator.username,
      classification: 'restricted',
    });
    const other = await run((trx) => openConsultation(trx, operator, input, now));
    await run((trx) => closeConsultation(trx, operator, other.row.id, 'Not needed', now));
    expect((await entriesThatDoNotParse(handle)).bad).toEqual([]);
  }, 60_000);

  it('a restore writes a declared payload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-payloads-'));
    const restored = await testDatabase();
    try {
      await backupToFile(handle.db, join(dir, 'backup.jsonl'));
      await restoreFromFile(restored.db, join(dir, 'backup.jsonl'));
      const afterRestore = await entriesThatDoNotParse(restored);
      expect(afterRestore.bad).toEqual([]);
      expect(afterRestore.actions.has('system.restored')).toBe(true);
    } finally {
      await restored.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('every kind of entry was written and read back, and no secret is in the record', async () => {
    const { actions, bad } = await entriesThatDoNotParse(handle);
    expect(bad).toEqual([]);
    const missing = declaredActions().filter(
      (a) => !actions.has(a) && a !== 'system.restored' && !retired(a),
    );
    expect(missing).toEqual([]);
    // The webhook's secrets, the API token, the calendar link, the new password.
    expect(secrets).toHaveLength(5);
    const text = JSON.stringify(await handle.db.selectFrom('ledger_entries').select('payload').execute());
    for (const secret of secrets) expect(text.includes(secret), 'a secret in the record').toBe(false);
  });

  const head = async () => {
    await settleRecord(handle.db);
    return handle.db.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  };

  it('a payload its schema refuses fails the command, and nothing of it is written', async () => {
    // The same modules, but webhook.created declares no description: the command's payload has one.
    const narrowed = withRecordActions.map((module) =>
      module.name === 'webhooks'
        ? {
            ...module,
            ledgerActions: {
              ...module.ledgerActions,
              'webhook.created': {
                description: 'narrowed for the test',
                payload: webhooksLedgerActions['webhook.created'].payload.omit({
                  description: true,
                }),
              },
            },
          }
        : module,
    );
    const before = await head();
    const webhooks = await handle.db.selectFrom('webhooks').select('id').execute();
    assemblePlatform(narrowed);
    try {
      await expect(
        handle.db
          .transaction()
          .execute((trx) =>
            createWebhook(
              trx,
              systemActor('test'),
              'BY',
              CreateWebhookInput.parse({ url: 'https://example.org/x' }),
            ),
          ),
      ).rejects.toThrow(/the payload of webhook.created does not match its schema: .*description/s);
    } finally {
      assemblePlatform(withRecordActions);
    }
    expect(await head()).toEqual(before);
    expect(await handle.db.selectFrom('webhooks').select('id').execute()).toEqual(webhooks);
    expect((await verifyDatabase(handle.db)).ok).toBe(true);
  });

  it('an undeclared field or an unknown action is refused, rolling back what the transaction did', async () => {
    const before = await head();
    const user = await buildUser(handle, { stateCode: 'KZ' });
    const afterUser = await head();
    const attempt = (input: Parameters<typeof appendEntry>[2]) =>
      handle.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ locale: 'ru' }).where('id', '=', user.id).execute();
        await appendEntry(trx, systemActor('test'), input);
      });
    await expect(
      attempt({
        action: 'user.locale_changed',
        subjectType: 'user',
        subjectId: user.id,
        payload: { locale: 'ru', secret: 'never in the record' },
      }),
    ).rejects.toThrow(LedgerPayloadError);
    await expect(
      attempt({ action: 'user.nickname_changed' as LedgerAction, subjectType: 'user', subjectId: user.id }),
    ).rejects.toThrow(/record action user.nickname_changed is declared by no module/);
    const row = await handle.db
      .selectFrom('users')
      .select('locale')
      .where('id', '=', user.id)
      .executeTakeFirst();
    expect(row?.locale).toBe('en');
    expect((await head()).seq).toBe(afterUser.seq);
    expect(afterUser.seq).toBe(before.seq + 1);
  });
});
