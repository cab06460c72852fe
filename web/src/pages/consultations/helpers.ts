import type { AccessLevel, Classification, User } from '../../types.ts';
import { ACCESS_LEVELS } from '../../types.ts';
import type { ConsultationMessage, ConsultationPoint, ConveneBody } from './api.ts';

/** The pure parts of the consultations' pages: the convene form's draft, field problems, the thread. */

// ---- field problems of a failed request ------------------------------------------------

export interface Problem {
  /** The path after "body." ("participants.1", "agenda.0", "status"). */
  field: string;
  reason: string;
}

/** The field problems an API error names (none for any other error). */
export function problemsOf(error: unknown): Problem[] {
  const fields = (error as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields
    .filter((f): f is Problem => typeof f?.field === 'string' && typeof f?.reason === 'string')
    .map((f) => ({ field: f.field.replace(/^body\./, ''), reason: f.reason }));
}

/**
 * The reason to show next to a field: the problem of that path, or of the first path under it
 * ("participants" shows the reason for "participants.1").
 */
export function problemFor(problems: Problem[], name: string): string | undefined {
  return (
    problems.find((p) => p.field === name)?.reason ??
    problems.find((p) => p.field.startsWith(`${name}.`))?.reason
  );
}

/** The problems no field of the form shows (a path is shown when it, or its first segment, is placed). */
export function unplacedProblems(problems: Problem[], placed: string[]): Problem[] {
  return problems.filter((p) => !placed.includes(p.field) && !placed.includes(p.field.split('.')[0]));
}

// ---- convening ----------------------------------------------------------------------------

export interface ConveneDraft {
  title: string;
  purpose: string;
  /** Member state codes. */
  participants: string[];
  /** A user id. */
  facilitator: string | null;
  /** User ids. */
  staff: string[];
  classification: Classification;
  /** An alert's reference. */
  alert: string | null;
  region: string | null;
  /** The agenda's lines, each with a key of its own while it is edited. */
  agenda: AgendaLine[];
}

export interface AgendaLine {
  key: number;
  text: string;
}

/** A new blank line at the end of the agenda. */
export const addLine = (agenda: AgendaLine[]): AgendaLine[] => [
  ...agenda,
  { key: Math.max(0, ...agenda.map((l) => l.key)) + 1, text: '' },
];

/** The fewest member states a consultation brings together (src/modules/consultations/schema.ts). */
export const MIN_STATES = 2;

const rank = (level: AccessLevel) => ACCESS_LEVELS.indexOf(level);

/** The classifications a person may give: up to their own access level. */
export const classificationsUpTo = (level: AccessLevel): Classification[] =>
  ACCESS_LEVELS.filter((l) => rank(l) <= rank(level));

/** Confidential, as the server's default, unless the person reads less. */
export const defaultClassification = (level: AccessLevel): Classification =>
  rank(level) < rank('confidential') ? level : 'confidential';

/** What an alert brings to a new consultation: its reference, region, states and title. */
export interface AlertSeed {
  reference: string;
  title: string;
  region: string;
  states: string[];
}

/** A fresh draft: empty, or prefilled from an alert; the person facilitates when they may. */
export function newDraft(
  level: AccessLevel,
  options: { alert?: AlertSeed | null; facilitator?: string | null } = {},
): ConveneDraft {
  const { alert = null, facilitator = null } = options;
  return {
    title: alert ? alert.title : '',
    purpose: '',
    participants: alert ? [...new Set(alert.states)] : [],
    facilitator,
    staff: [],
    classification: defaultClassification(level),
    alert: alert?.reference ?? null,
    region: alert?.region ?? null,
    agenda: [{ key: 1, text: '' }],
  };
}

/**
 * Choosing a linked alert: its reference and region, and its states when none are chosen yet;
 * clearing it drops the reference and region alone.
 */
export function linkAlert(draft: ConveneDraft, alert: AlertSeed | null): ConveneDraft {
  if (!alert) return { ...draft, alert: null, region: null };
  return {
    ...draft,
    alert: alert.reference,
    region: alert.region,
    participants: draft.participants.length > 0 ? draft.participants : [...new Set(alert.states)],
    title: draft.title.trim() ? draft.title : alert.title,
  };
}

export type DraftProblem = 'required' | 'twoStates';

/** What the form says before asking the server: a title, two states or more, a facilitator. */
export function checkDraft(draft: ConveneDraft): Partial<Record<keyof ConveneDraft, DraftProblem>> {
  const out: Partial<Record<keyof ConveneDraft, DraftProblem>> = {};
  if (!draft.title.trim()) out.title = 'required';
  if (new Set(draft.participants).size < MIN_STATES) out.participants = 'twoStates';
  if (!draft.facilitator) out.facilitator = 'required';
  return out;
}

/** The body of POST /api/consultations: trimmed, blank agenda lines left out, staff without the facilitator. */
export function conveneBody(draft: ConveneDraft): ConveneBody {
  return {
    title: draft.title.trim(),
    purpose: draft.purpose.trim(),
    participants: [...new Set(draft.participants)],
    facilitator: draft.facilitator ?? '',
    staff: draft.staff.filter((id) => id !== draft.facilitator),
    classification: draft.classification,
    agenda: draft.agenda.map((line) => line.text.trim()).filter(Boolean),
    alert: draft.alert,
    region: draft.region,
  };
}

/** Who may facilitate (server: `convenes`): an active secretariat person, or the presidency's head of delegation. */
export function mayFacilitate(user: User, presidency: string | null): boolean {
  if (user.disabled || user.role === 'observer') return false;
  if (user.affiliation === 'secretariat') return true;
  return (
    user.affiliation === 'delegation' &&
    user.role === 'head_of_delegation' &&
    presidency !== null &&
    user.stateCode === presidency
  );
}

/** Who may read at the classification (everyone named must). */
export const readsAt = (user: User, classification: Classification) =>
  rank(user.accessLevel) >= rank(classification);

/** The people who may facilitate at the classification, the presidency's head first, then by name. */
export function facilitatorCandidates(
  users: User[],
  presidency: string | null,
  classification: Classification,
): User[] {
  return users
    .filter((u) => mayFacilitate(u, presidency) && readsAt(u, classification))
    .sort(
      (a, b) =>
        Number(b.affiliation === 'delegation') - Number(a.affiliation === 'delegation') ||
        a.displayName.localeCompare(b.displayName),
    );
}

/** The secretariat staff who may take part besides the facilitator, by name. */
export function staffCandidates(users: User[], classification: Classification, except: string[]): User[] {
  return users
    .filter(
      (u) =>
        u.affiliation === 'secretariat' &&
        u.role !== 'observer' &&
        !u.disabled &&
        !except.includes(u.id) &&
        readsAt(u, classification),
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

// ---- the talks ----------------------------------------------------------------------------

/** The thread in reading order, oldest first, from pages of newest-first messages (each page older). */
export function chronological(pages: { items: ConsultationMessage[] }[]): ConsultationMessage[] {
  const seen = new Set<string>();
  const out: ConsultationMessage[] = [];
  for (const page of pages)
    for (const m of page.items)
      if (!seen.has(m.id)) {
        seen.add(m.id);
        out.push(m);
      }
  return out.reverse();
}

/** Each participating state's answer to a point, in the consultation's order of states. */
export function agreementOf(point: ConsultationPoint, states: string[]) {
  return states.map((state) => ({ state, agreed: point.agreedBy.includes(state) }));
}

/** The points every state agreed, those that go with a conclusion and into a proposal. */
export const agreedPoints = (points: ConsultationPoint[]) => points.filter((p) => p.agreed);

/** Alert ids by reference, to link a consultation's alert (the API links it by reference). */
export const alertIdsByReference = (alerts: { id: string; reference: string }[]) =>
  new Map(alerts.map((a) => [a.reference, a.id]));
