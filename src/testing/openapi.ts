import { randomUUID } from 'node:crypto';
import type { TestContext } from './harness.ts';

/**
 * The operations of the published OpenAPI document, for tests that sweep every endpoint
 * (src/http/*.test.ts): an endpoint added without being covered shows up there at once.
 */

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  properties?: Record<string, Schema>;
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema: Schema;
}
export interface Operation {
  /** "METHOD /api/path/{param}", as the document spells the path. */
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  /** The JSON request body's schema, with references resolved. */
  body?: Schema;
}

/** Operations anyone may call without credentials. */
export const PUBLIC_OPERATIONS = new Set([
  'GET /api/health',
  'GET /api/meta',
  'GET /api/ledger/public-keys',
  // The record's checkpoints, consistency proofs and witnesses: hashes, sizes and public keys only.
  'GET /api/ledger/checkpoint',
  'GET /api/ledger/consistency',
  'GET /api/ledger/witnesses',
  // A witness's co-signature or fork report: its signature is its credential (400 without one).
  'POST /api/ledger/cosignatures',
  'POST /api/ledger/fork-reports',
  // Public by its secret token (404 for an unknown one): calendar apps send no cookie.
  'GET /api/calendar/{file}',
  // Public by its verification code (404 for an unknown one): a border post checks a certificate.
  'GET /api/verify/{code}',
]);
/** Sign-in needs no credentials either, but answers 401 for unknown ones. */
export const OPEN_OPERATIONS = new Set([...PUBLIC_OPERATIONS, 'POST /api/auth/sign-in']);

type Document = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
  components: { schemas: Record<string, Schema> };
};

const resolve = (schema: Schema, components: Record<string, Schema>): Schema =>
  schema.$ref ? resolve(components[schema.$ref.split('/').pop() ?? ''], components) : schema;

/** Reads GET /api/openapi.json and lists its operations. */
export async function readOperations(t: TestContext): Promise<Operation[]> {
  const res = await t.request('/api/openapi.json');
  if (res.status !== 200) throw new Error(`the OpenAPI document answered ${res.status}`);
  const doc = (await res.json()) as Document;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = op.requestBody?.content['application/json']?.schema;
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: body ? resolve(body, doc.components.schemas) : undefined,
      };
    }),
  );
}

/** A person an administrator could create. */
export const SAMPLE_PERSON = {
  username: 'new.person',
  displayName: 'New Person',
  email: 'new.person@example.org',
  password: 'a long enough password',
  affiliation: 'delegation',
  stateCode: 'AM',
  partnerCode: null,
  role: 'delegate',
  accessLevel: 'restricted',
};

const SAMPLE_ASSET = { kind: 'vehicle', type: 'KamAZ-5350 truck', count: 4 };
/** The content of a clearance request, at crossing points no test organisation has. */
function sampleContent() {
  const window = { from: '2026-12-01T06:00:00Z', to: '2026-12-01T12:00:00Z' };
  return {
    purpose: 'Exercise',
    pointOfContact: { name: 'Duty officer', phone: '+375 17 000 00 00' },
    legs: [{ state: 'BY', entry: { point: 'NOWHERE', window } }],
    assets: [SAMPLE_ASSET],
    personnel: 10,
    armament: false,
  };
}
const sampleDraft = () => ({
  ...sampleContent(),
  title: 'Convoy',
  framework: 'exercise',
  urgency: 'routine',
});
const SAMPLE_CLEARANCE = sampleDraft();

export interface SampleCall {
  params: Record<string, string>;
  body?: Record<string, unknown>;
}

/**
 * A well-formed call of each operation that takes input; bad input is made by spoiling one
 * part of it. `userId` names an existing person for the /api/users/{id} operations.
 */
export function sampleCall(op: Operation, userId: string): SampleCall {
  const samples: Record<string, Partial<SampleCall>> = {
    'POST /api/auth/sign-in': { body: { username: 'nobody-here', password: 'not the password' } },
    'POST /api/ledger/cosignatures': { body: { note: 'accord.test/record\n1\nAAAA\n\n' } },
    'POST /api/ledger/fork-reports': {
      body: { witness: 'witness.xx', cosignedNote: 'a', shownNote: 'b', reason: 'a sample' },
    },
    'POST /api/auth/password': {
      body: { currentPassword: 'not the current one', newPassword: 'a brand new password' },
    },
    'PATCH /api/me': { body: { locale: 'ru' } },
    'POST /api/me/tokens': { body: { name: 'script', expiresInDays: 30 } },
    'DELETE /api/me/tokens/{id}': { params: { id: randomUUID() } },
    'POST /api/users': { body: SAMPLE_PERSON },
    'GET /api/users/{id}': { params: { id: userId } },
    'PATCH /api/users/{id}': {
      params: { id: userId },
      body: { displayName: 'Renamed', email: null, accessLevel: 'public' },
    },
    'POST /api/users/{id}/disable': { params: { id: userId } },
    'POST /api/users/{id}/enable': { params: { id: userId } },
    'GET /api/states/{code}': { params: { code: 'BY' } },
    'GET /api/bodies/{code}': { params: { code: 'council' } },
    'GET /api/partners/{code}': { params: { code: 'UN' } },
    // Decisions: unknown ids, so that a well-formed sample never writes.
    'POST /api/proposals': { body: { body: 'council', title: 'A sample', points: [{ text: 'One point' }] } },
    'GET /api/proposals/{id}': { params: { id: randomUUID() } },
    'PATCH /api/proposals/{id}': { params: { id: randomUUID() }, body: { title: 'Renamed' } },
    'GET /api/proposals/{id}/versions/{v}': { params: { id: randomUUID(), v: '1' } },
    'GET /api/proposals/{id}/diff': { params: { id: randomUUID() } },
    'POST /api/proposals/{id}/attachments': {
      params: { id: randomUUID() },
      body: { filename: 'note.txt', contentType: 'text/plain', dataBase64: 'aGVsbG8=' },
    },
    'GET /api/proposals/{id}/attachments/{attachmentId}': {
      params: { id: randomUUID(), attachmentId: randomUUID() },
    },
    'DELETE /api/proposals/{id}/attachments/{attachmentId}': {
      params: { id: randomUUID(), attachmentId: randomUUID() },
    },
    'POST /api/proposals/{id}/procedures': {
      params: { id: randomUUID() },
      body: { kind: 'meeting_consensus' },
    },
    'GET /api/procedures/{id}': { params: { id: randomUUID() } },
    'POST /api/procedures/{id}/stances': {
      params: { id: randomUUID() },
      body: { stances: [{ point: '1', kind: 'agree' }] },
    },
    'POST /api/procedures/{id}/break-silence': {
      params: { id: randomUUID() },
      body: { text: 'An objection' },
    },
    'POST /api/procedures/{id}/close': { params: { id: randomUUID() }, body: { objections: [] } },
    'GET /api/decisions/{id}': { params: { id: randomUUID() } },
    'GET /api/delegations/{state}/authorisations': { params: { state: 'BY' } },
    'POST /api/delegations/{state}/authorisations/{userId}': {
      params: { state: 'BY', userId: randomUUID() },
    },
    'DELETE /api/delegations/{state}/authorisations/{userId}': {
      params: { state: 'BY', userId: randomUUID() },
    },
    // Notifications: an unknown notification, a token no feed has.
    'POST /api/notifications/{id}/read': { params: { id: randomUUID() } },
    'PUT /api/me/notification-preferences': { body: { disabled: ['deadline_24h'] } },
    'GET /api/users/{id}/notification-preferences': { params: { id: userId } },
    'PUT /api/users/{id}/notification-preferences': {
      params: { id: userId },
      body: { kinds: [{ kind: 'outcome', inApp: true, email: false }] },
    },
    'GET /api/calendar/{file}': { params: { file: `${'A'.repeat(43)}.ics` } },
    // Webhooks: unknown ids, so that a well-formed sample never writes (but adding one does).
    'GET /api/delegations/{state}/webhooks': { params: { state: 'BY' } },
    'POST /api/delegations/{state}/webhooks': {
      params: { state: 'BY' },
      body: { url: 'https://national.example.org/accord', events: ['leg_arrived'] },
    },
    'PATCH /api/delegations/{state}/webhooks/{id}': {
      params: { state: 'BY', id: randomUUID() },
      body: { active: false },
    },
    'DELETE /api/delegations/{state}/webhooks/{id}': { params: { state: 'BY', id: randomUUID() } },
    'GET /api/delegations/{state}/webhooks/{id}/deliveries': { params: { state: 'BY', id: randomUUID() } },
    'POST /api/delegations/{state}/webhooks/{id}/test': { params: { state: 'BY', id: randomUUID() } },
    'POST /api/delegations/{state}/deliveries/{id}/redeliver': { params: { state: 'BY', id: randomUUID() } },
    // Certificates: a well-formed code no certificate has.
    'GET /api/verify/{code}': { params: { code: 'ABCD-EFGH-JKLM-NPQR' } },
    'GET /api/clearances/{id}/certificate': { params: { id: randomUUID() } },
    'GET /api/clearances/{id}/export': { params: { id: randomUUID() } },
    'POST /api/clearances/{id}/attachments': {
      params: { id: randomUUID() },
      body: { filename: 'order.txt', contentType: 'text/plain', dataBase64: 'aGVsbG8=' },
    },
    'GET /api/clearances/{id}/attachments/{attachmentId}': {
      params: { id: randomUUID(), attachmentId: randomUUID() },
    },
    'DELETE /api/clearances/{id}/attachments/{attachmentId}': {
      params: { id: randomUUID(), attachmentId: randomUUID() },
    },
    // Clearances: unknown ids and crossing points, so that a well-formed sample never writes.
    'POST /api/clearances': { body: SAMPLE_CLEARANCE },
    'GET /api/clearances/{id}': { params: { id: randomUUID() } },
    'PUT /api/clearances/{id}': { params: { id: randomUUID() }, body: sampleDraft() },
    'GET /api/clearances/{id}/versions/{version}': { params: { id: randomUUID(), version: '1' } },
    'POST /api/clearances/{id}/submit': { params: { id: randomUUID() } },
    'POST /api/clearances/{id}/amend': { params: { id: randomUUID() }, body: sampleContent() },
    'POST /api/clearances/{id}/withdraw': { params: { id: randomUUID() }, body: { reason: 'Cancelled' } },
    'POST /api/clearances/{id}/accept-conditions': { params: { id: randomUUID() }, body: { states: ['RU'] } },
    'POST /api/clearances/{id}/legs/{state}/decision': {
      params: { id: randomUUID(), state: 'RU' },
      body: { decision: 'approve' },
    },
    'POST /api/clearances/{id}/legs/{state}/questions': {
      params: { id: randomUUID(), state: 'RU' },
      body: { question: 'Axle loads?' },
    },
    'POST /api/clearances/{id}/legs/{state}/answers': {
      params: { id: randomUUID(), state: 'RU' },
      body: { answer: '10 t per axle' },
    },
    'POST /api/clearances/{id}/legs/{state}/escalation-decision': {
      params: { id: randomUUID(), state: 'RU' },
      body: { decision: 'deny', reason: 'No answer from the ministries' },
    },
    'POST /api/standing-permissions': {
      body: {
        grantee: 'AM',
        pattern: { frameworks: ['exercise'], assetKinds: ['vehicle'] },
        validFrom: '2026-01-01T00:00:00Z',
        validTo: '2026-12-31T00:00:00Z',
      },
    },
    'DELETE /api/standing-permissions/{id}': { params: { id: randomUUID() } },
    'POST /api/asset-lists': { body: { name: 'Convoy', assets: [SAMPLE_ASSET] } },
    'GET /api/asset-lists/{id}': { params: { id: randomUUID() } },
    'PUT /api/asset-lists/{id}': {
      params: { id: randomUUID() },
      body: { name: 'Convoy', assets: [SAMPLE_ASSET] },
    },
    'DELETE /api/asset-lists/{id}': { params: { id: randomUUID() } },
    'POST /api/deployments': {
      body: { title: 'Collective forces', purpose: 'Stabilise the situation', hostState: 'TJ' },
    },
    'GET /api/deployments/{id}': { params: { id: randomUUID() } },
    // Reports: unknown ids, and a category the test organisation lacks, so that a well-formed sample never writes.
    'POST /api/reports': { body: SAMPLE_REPORT },
    'GET /api/reports/{id}': { params: { id: randomUUID() } },
    'POST /api/report-collections': { body: { name: `Sample ${randomUUID()}`, description: 'A sample' } },
    'GET /api/report-collections/{id}': { params: { id: randomUUID() } },
    'POST /api/report-collections/{id}/reports': {
      params: { id: randomUUID() },
      body: { add: [randomUUID()], remove: [] },
    },
    'DELETE /api/report-collections/{id}': { params: { id: randomUUID() } },
    'POST /api/me/report-filters': { body: { name: 'A sample', filter: { q: 'sample' } } },
    'DELETE /api/me/report-filters/{id}': { params: { id: randomUUID() } },
    'POST /api/missions': {
      body: {
        name: 'A sample',
        mandate: 'Sampled',
        mandateDecision: null,
        head: randomUUID(),
        members: [],
        regions: ['sample-region'],
        area: null,
        startsOn: '2026-01-01',
        endsOn: '2026-02-01',
        classification: 'restricted',
      },
    },
    'GET /api/missions/{id}': { params: { id: randomUUID() } },
    'POST /api/missions/{id}/members': {
      params: { id: randomUUID() },
      body: { add: [randomUUID()], remove: [] },
    },
    'GET /api/missions/{id}/daily/{day}': { params: { id: randomUUID(), day: '2026-01-02' } },
    'POST /api/missions/{id}/daily/{day}/approve': {
      params: { id: randomUUID(), day: '2026-01-02' },
      body: { summary: 'A sample' },
    },
    'POST /api/reports/import': {
      body: { csv: 'title,category,occurred_at\r\nA sample,sample-category,2026-01-01\r\n', submit: true },
    },
    'PUT /api/reports/{id}': {
      params: { id: randomUUID() },
      body: { ...SAMPLE_REPORT, version: 1, reason: 'a sample' },
    },
    'GET /api/reports/{id}/versions': { params: { id: randomUUID() } },
    'POST /api/reports/{id}/submit': { params: { id: randomUUID() } },
    'POST /api/reports/{id}/review': { params: { id: randomUUID() } },
    'POST /api/reports/{id}/verify': { params: { id: randomUUID() } },
    'POST /api/reports/{id}/publish': { params: { id: randomUUID() }, body: { to: 'members' } },
    'POST /api/reports/{id}/archive': { params: { id: randomUUID() }, body: { reason: 'a sample' } },
    'PATCH /api/missions/{id}': {
      params: { id: randomUUID() },
      body: { name: 'A sample', reason: 'a sample' },
    },
    'POST /api/reports/{id}/attachments': {
      params: { id: randomUUID() },
      body: { filename: 'sample.txt', contentType: 'text/plain', dataBase64: 'YQ==' },
    },
    'GET /api/reports/{id}/attachments/{attachmentId}': {
      params: { id: randomUUID(), attachmentId: randomUUID() },
    },
    'DELETE /api/reports/{id}/attachments/{attachmentId}': {
      params: { id: randomUUID(), attachmentId: randomUUID() },
    },
    // Hotlines: a code no test organisation declares, so that a well-formed sample never writes.
    'GET /api/hotlines/{code}': { params: { code: 'ZZ-SAMPLE' } },
    'GET /api/hotlines/{code}/messages': { params: { code: 'ZZ-SAMPLE' } },
    'GET /api/hotline-messages/{id}': { params: { id: randomUUID() } },
    'POST /api/hotlines/{code}/messages': {
      params: { code: 'ZZ-SAMPLE' },
      body: { body: 'A sample', urgency: 'routine', classification: 'restricted' },
    },
    'POST /api/hotlines/{code}/messages/{id}/acknowledge': {
      params: { code: 'ZZ-SAMPLE', id: randomUUID() },
    },
    'POST /api/hotlines/{code}/messages/{id}/replies': {
      params: { code: 'ZZ-SAMPLE', id: randomUUID() },
      body: { body: 'A sample reply' },
    },
    'PUT /api/hotlines/{code}/contacts/{state}': {
      params: { code: 'ZZ-SAMPLE', state: 'AM' },
      body: { usernames: [] },
    },
    'POST /api/reports/{id}/merge': {
      params: { id: randomUUID() },
      body: { into: randomUUID(), reason: 'a sample' },
    },
    // Early warning: an indicator, region and alert nobody has, so that a well-formed sample never writes.
    'POST /api/indicators/{code}/values': {
      params: { code: 'no-such-indicator' },
      body: { values: [{ at: '2026-01-05T00:00:00Z', value: 1 }] },
    },
    'GET /api/indicators/{code}/values': { params: { code: 'no-such-indicator' } },
    'POST /api/indicators/values/import': {
      body: { csv: 'indicator,at,value\nno-such-indicator,2026-01-05,1\n' },
    },
    'GET /api/monitoring/levels/{region}/history': { params: { region: 'no-such-region' } },
    'POST /api/alerts': {
      body: {
        region: 'no-such-region',
        level: 2,
        title: 'A sample',
        description: 'A sample',
        classification: 1,
      },
    },
    'GET /api/alerts/{id}': { params: { id: randomUUID() } },
    'POST /api/alerts/{id}/acknowledge': { params: { id: randomUUID() }, body: { note: 'A sample' } },
    'POST /api/alerts/{id}/escalate': { params: { id: randomUUID() }, body: { note: 'A sample' } },
    'POST /api/alerts/{id}/close': { params: { id: randomUUID() }, body: { reason: 'A sample' } },
    // Consultations: unknown ids, and states no organisation has, so that a well-formed sample never writes.
    'POST /api/consultations': {
      body: {
        title: 'A sample',
        purpose: 'Sampled',
        participants: ['XA', 'XB'],
        facilitator: 'nobody-here',
        staff: [],
        classification: 'restricted',
        agenda: ['One'],
        alert: null,
        region: null,
      },
    },
    'GET /api/consultations/{id}': { params: { id: randomUUID() } },
    'GET /api/consultations/{id}/messages': { params: { id: randomUUID() } },
    'POST /api/consultations/{id}/messages': { params: { id: randomUUID() }, body: { body: 'A sample' } },
    'POST /api/consultations/{id}/agenda': { params: { id: randomUUID() }, body: { text: 'A sample' } },
    'POST /api/consultations/{id}/agenda/{itemId}/done': {
      params: { id: randomUUID(), itemId: randomUUID() },
    },
    'POST /api/consultations/{id}/points': { params: { id: randomUUID() }, body: { text: 'A sample' } },
    'POST /api/consultations/{id}/points/{pointId}/agree': {
      params: { id: randomUUID(), pointId: randomUUID() },
    },
    'POST /api/consultations/{id}/conclude': { params: { id: randomUUID() }, body: { outcome: 'A sample' } },
    'POST /api/consultations/{id}/close': { params: { id: randomUUID() }, body: { reason: 'A sample' } },
    'POST /api/consultations/{id}/proposal': {
      params: { id: randomUUID() },
      body: { body: 'council', title: 'A sample', classification: 'secret' },
    },
    'POST /api/consultations/{id}/attachments': {
      params: { id: randomUUID() },
      body: { filename: 'sample.txt', contentType: 'text/plain', dataBase64: 'YQ==' },
    },
    'GET /api/consultations/{id}/attachments/{attachmentId}': {
      params: { id: randomUUID(), attachmentId: randomUUID() },
    },
    'DELETE /api/consultations/{id}/attachments/{attachmentId}': {
      params: { id: randomUUID(), attachmentId: randomUUID() },
    },
  };
  const found = samples[op.key] ?? {};
  return { params: found.params ?? {}, body: found.body };
}

/** A report body with every field, in a category no test organisation has. */
const SAMPLE_REPORT = {
  title: 'A sample',
  description: 'Sampled',
  category: 'sample-category',
  occurredAt: '2026-01-01T00:00:00Z',
  timePrecision: 'day',
  point: { latitude: 40, longitude: 70, precision: 'district' },
  place: { name: 'Sample', distanceKm: 2, direction: 'N' },
  region: null,
  state: 'TJ',
  actors: ['Someone'],
  fatalities: 0,
  injured: 0,
  source: { name: 'A source', reliability: 'C', credibility: 3 },
  classification: 'restricted',
  protection: null,
};

/** The operations that take input but have no sample call (should be none). */
export function operationsWithoutSample(operations: Operation[]): string[] {
  return operations
    .filter((op) => {
      const s = sampleCall(op, 'id');
      return (op.body && !s.body) || op.parameters.some((p) => p.in === 'path' && !s.params[p.name]);
    })
    .map((op) => op.key);
}

/** The path with its {params} filled in. */
export const fillPath = (path: string, params: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `missing-${name}`);

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: { field?: unknown; reason?: unknown }[] };
}

/**
 * What is wrong with an answer that should be a client error, as readable lines ([] when
 * it is fine): a 4xx in the catalogue's shape, a 400 naming each field and why.
 */
export async function clientErrorProblems(
  res: Response,
  what: string,
  want: { status?: number; field?: string } = {},
) {
  const problems: string[] = [];
  const text = await res.text();
  const excerpt = text.slice(0, 160);
  let body: ErrorBody = {};
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`${what}: the answer is not JSON: ${excerpt}`);
  }
  if (res.status < 400 || res.status >= 500) problems.push(`${what}: answered ${res.status} ${excerpt}`);
  else if (want.status && res.status !== want.status)
    problems.push(`${what}: answered ${res.status}, not ${want.status}: ${excerpt}`);
  if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string')
    problems.push(`${what}: no error.code and error.message`);
  if (res.status === 400) {
    const fields = body.error?.fields ?? [];
    if (
      !fields.length ||
      !fields.every((f) => typeof f.field === 'string' && typeof f.reason === 'string' && f.reason)
    )
      problems.push(`${what}: a 400 without error.fields[].field and reason: ${excerpt}`);
    if (want.field && !fields.some((f) => f.field === want.field))
      problems.push(`${what}: does not name the field ${want.field}: ${excerpt}`);
  }
  return problems;
}
