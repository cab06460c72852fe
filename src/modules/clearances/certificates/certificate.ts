import { randomInt } from 'node:crypto';
import { type Actor, systemActor } from '../../../core/actor.ts';
import type { Db } from '../../../db/connect.ts';
import type { ClearanceCertificateRow } from '../../../db/schema.ts';
import {
  appendReferencedEntry,
  canonicalJson,
  type EntryStanding,
  entryStanding,
  sha256Hex,
} from '../../ledger/index.ts';
import type { ClearanceContent } from '../schema.ts';

/**
 * The clearance certificate: what a border post needs to let the movement through, and
 * nothing more (no purpose, no point of contact, no internal notes). Its digest is
 * published in the record when it is issued; the verification code finds it again.
 */
export interface Certificate {
  kind: 'accord.clearance-certificate';
  code: string;
  reference: string;
  version: number;
  requestingState: string;
  requestingStateName: Names;
  framework: string;
  urgency: string;
  issuedAt: string;
  personnel: number;
  armament: boolean;
  dangerousGoods: { unNumber: string; hazardClass: string; netExplosiveQuantityKg: number | null }[];
  assets: { kind: string; type: string; count: number; registrations: string[]; callSigns: string[] }[];
  legs: CertificateLeg[];
}

type Names = { en: string; ru: string };

export interface CertificateLeg {
  state: string;
  stateName: Names;
  clearanceNumber: string;
  decidedAt: string;
  /** state, tacit (silence meant consent), standing_permission, secretariat (after escalation). */
  decidedHow: string;
  entry: CertificatePassage;
  exit: CertificatePassage | null;
  route: string;
  conditions: { kind: string; text: string }[];
}

/** Names are written into the certificate so that it reads on its own, at a border post. */
export interface CertificatePassage {
  point: string;
  pointName: Names;
  from: string;
  to: string;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A verification code of 16 characters from 32 (80 bits): ABCD-EFGH-JKLM-NPQR, no 0/O or 1/I. */
export function newVerificationCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export const certificateDigest = (doc: Certificate) => sha256Hex(canonicalJson(doc));

/**
 * Issues the certificate of a request that has just become cleared, inside the command's
 * transaction: builds the document from the version in force and its approved legs, keeps
 * it, publishes its digest in the record (`clearance.certificate_issued`) and points the
 * request at it. Call it where the request's status becomes `cleared`, before the
 * command's own record entry.
 */
export async function issueCertificate(
  trx: Db,
  requestId: string,
  now: Date,
  actor: Actor = systemActor('clearances'),
): Promise<{ code: string; recordId: number; digest: string }> {
  const request = await trx
    .selectFrom('clearance_requests')
    .selectAll()
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow();
  const version = await trx
    .selectFrom('clearance_request_versions')
    .select('content')
    .where('request_id', '=', requestId)
    .where('version', '=', request.version)
    .executeTakeFirstOrThrow();
  const content = version.content as ClearanceContent;
  const legs = await trx
    .selectFrom('clearance_legs')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('status', '=', 'approved')
    .orderBy('position')
    .execute();
  const [states, points] = await Promise.all([
    trx.selectFrom('member_states').select(['code', 'name_en', 'name_ru']).execute(),
    trx.selectFrom('crossing_points').select(['code', 'name_en', 'name_ru']).execute(),
  ]);
  const named = (rows: { code: string; name_en: string; name_ru: string }[], code: string): Names => {
    const row = rows.find((r) => r.code === code);
    return { en: row?.name_en ?? code, ru: row?.name_ru ?? code };
  };
  const passage = (p: { point: string; window: { from: string; to: string } }): CertificatePassage => ({
    point: p.point,
    pointName: named(points, p.point),
    from: p.window.from,
    to: p.window.to,
  });
  const code = newVerificationCode();
  const doc: Certificate = {
    kind: 'accord.clearance-certificate',
    code,
    reference: request.reference,
    version: request.version,
    requestingState: request.requesting_state,
    requestingStateName: named(states, request.requesting_state),
    framework: request.framework,
    urgency: request.urgency,
    issuedAt: now.toISOString(),
    personnel: content.personnel,
    armament: content.armament,
    dangerousGoods: (content.dangerousGoods ?? []).map((d) => ({
      unNumber: d.unNumber,
      hazardClass: d.hazardClass,
      netExplosiveQuantityKg: d.netExplosiveQuantityKg ?? null,
    })),
    assets: content.assets.map((a) => ({
      kind: a.kind,
      type: a.type,
      count: a.count,
      registrations: a.registrations ?? [],
      callSigns: a.callSigns ?? [],
    })),
    legs: legs.map((leg) => {
      const planned = content.legs.find((l) => l.state === leg.state_code) ?? content.legs[leg.position];
      const conditions = (leg.conditions as { kind: string; text: string }[] | null) ?? [];
      return {
        state: leg.state_code,
        stateName: named(states, leg.state_code),
        clearanceNumber: leg.clearance_number ?? '',
        decidedAt: (leg.decided_at ?? now).toISOString(),
        decidedHow: leg.decided_how ?? 'state',
        entry: passage(planned.entry),
        exit: planned.exit ? passage(planned.exit) : null,
        route: planned.route ?? '',
        conditions: conditions.map((c) => ({ kind: c.kind, text: c.text })),
      };
    }),
  };
  const digest = certificateDigest(doc);
  const entry = await appendReferencedEntry(trx, actor, {
    action: 'clearance.certificate_issued',
    subjectType: 'clearance_request',
    subjectId: requestId,
    classification: 0,
    audience: [...new Set([request.requesting_state, ...legs.map((l) => l.state_code)])],
    payload: { reference: request.reference, version: request.version, digest },
  });
  await trx
    .insertInto('clearance_certificates')
    .values({
      code,
      request_id: requestId,
      version: request.version,
      document: JSON.stringify(doc),
      digest,
      record_id: entry.recordId,
      issued_at: now,
    })
    .execute();
  await trx
    .updateTable('clearance_requests')
    .set({ verification_code: code, certificate_record_id: entry.recordId })
    .where('id', '=', requestId)
    .execute();
  return { code, recordId: entry.recordId, digest };
}

/**
 * What a certificate is worth now: `valid` while its request is cleared on its version;
 * `under_amendment` from the moment an amendment re-opened legs of the request until it is
 * cleared again (then `superseded`); `denied` when an amendment was refused; `superseded`
 * by a later certificate; `withdrawn` by the requester.
 */
export const CERTIFICATE_STATUSES = [
  'valid',
  'under_amendment',
  'denied',
  'superseded',
  'withdrawn',
] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** What a verification code proves, and nothing more. */
export interface Verification {
  code: string;
  /** The certificate matches the record and the chain around it holds (false while `pending`). */
  verified: boolean;
  /**
   * The certificate is issued and its record entry written, but the entry still waits for its
   * place in the record (the sequencer gives it one within moments): nothing to check it
   * against yet, so it is not `verified`; ask again.
   */
  pending: boolean;
  /** See CERTIFICATE_STATUSES: only `valid` lets the movement through. */
  status: CertificateStatus;
  problems: string[];
  certificate: Certificate;
  digest: string;
  /**
   * The record entry that published the digest, and the checkpoint (witnessed when it can be)
   * that vouches for it; null while the entry is pending, or when it is missing.
   */
  record: EntryStanding | null;
}

/**
 * Checks a certificate by its code against the record: the kept document hashes to the
 * digest in the record entry; that entry hashes to what its fields say, and its inclusion
 * proof leads to the checkpoint that vouches for it (the first one a quorum of witnesses
 * co-signed, else the newest signed one), whose signature holds. Returns null for an unknown code.
 */
export async function verifyCertificate(db: Db, rawCode: string): Promise<Verification | null> {
  const code = rawCode.trim().toUpperCase();
  const cert = await db
    .selectFrom('clearance_certificates')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!cert) return null;
  const request = await db
    .selectFrom('clearance_requests')
    .select(['status', 'version', 'verification_code'])
    .where('id', '=', cert.request_id)
    .executeTakeFirstOrThrow();
  const problems: string[] = [];
  const doc = cert.document as Certificate;
  const digest = certificateDigest(doc);
  if (digest !== cert.digest) problems.push('the certificate was changed after it was issued');
  const entry = await db
    .selectFrom('ledger_entries')
    .select(['seq', 'payload'])
    .where('record_id', '=', cert.record_id)
    .executeTakeFirst();
  if (!entry) {
    const pending = await db
      .selectFrom('ledger_pending')
      .select('id')
      .where('id', '=', cert.record_id)
      .executeTakeFirst();
    if (!pending)
      problems.push(`the record entry of this certificate (record id ${cert.record_id}) is missing`);
    return result(cert, doc, digest, request, problems, null, Boolean(pending));
  }
  const payload = entry.payload as { digest?: string } | undefined;
  if (payload?.digest !== digest) problems.push('the record holds another digest for this certificate');
  const standing = await entryStanding(db, Number(entry.seq), problems);
  return result(cert, doc, digest, request, problems, standing, false);
}

function result(
  cert: ClearanceCertificateRow,
  doc: Certificate,
  digest: string,
  request: { status: string; verification_code: string | null },
  problems: string[],
  record: EntryStanding | null,
  pending: boolean,
): Verification {
  const status: CertificateStatus =
    request.status === 'withdrawn'
      ? 'withdrawn'
      : request.verification_code !== cert.code
        ? 'superseded'
        : request.status === 'cleared'
          ? 'valid'
          : request.status === 'denied'
            ? 'denied'
            : 'under_amendment';
  return {
    code: cert.code,
    verified: problems.length === 0 && !pending,
    pending,
    status,
    problems,
    certificate: doc,
    digest,
    record,
  };
}
