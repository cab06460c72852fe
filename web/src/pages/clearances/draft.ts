/**
 * What the request form edits, and how it becomes the API's input (and back, to amend).
 * Times are the date-time picker's wall-clock strings ("YYYY-MM-DD HH:mm:ss") read as UTC.
 */

import type { Schema } from '../../api/client.ts';
import { allOf } from '../../types.ts';

/** A request's content as the server answers it (a request's version in force, a deployment's movement). */
type Content = Schema<'ClearanceContentView'>;
type CreateInput = Schema<'CreateClearanceRequestInput'>;

export type Framework = CreateInput['framework'];
export type Urgency = CreateInput['urgency'];
export type Classification = CreateInput['classification'];
export type AssetKind = Content['assets'][number]['kind'];
export type ConditionKind = Schema<'ConditionInput'>['kind'];

export const FRAMEWORKS = allOf<Framework>()([
  'collective_forces',
  'peacekeeping',
  'exercise',
  'training',
  'humanitarian',
]);
export const URGENCIES = allOf<Urgency>()(['emergency', 'urgent', 'routine']);
export const ASSET_KINDS = allOf<AssetKind>()([
  'vehicle',
  'aircraft',
  'helicopter',
  'vessel',
  'train',
  'other',
]);
export const CLASSIFICATIONS = allOf<Classification>()(['public', 'restricted', 'confidential', 'secret']);
export const CONDITION_KINDS = allOf<ConditionKind>()([
  'time_window',
  'route',
  'crossing_point',
  'escort',
  'restriction',
  'other',
]);

export type LegInput = Content['legs'][number];
export type AssetInput = Content['assets'][number];
export type DangerousGoodsInput = Content['dangerousGoods'][number];
/**
 * A request's content as the form sends it and reads it back: what the server answers, less
 * the fields the form leaves to the server's defaults (VIPs, sensors, attachments).
 */
export type ClearanceContent = Omit<Content, 'vips' | 'sensors' | 'attachments'> &
  Partial<Pick<Content, 'vips' | 'sensors' | 'attachments'>>;

export interface LegDraft {
  key: string;
  state: string | null;
  entryPoint: string | null;
  entryFrom: string | null;
  entryTo: string | null;
  /** The movement ends in this state (it hosts): no exit. */
  hosts: boolean;
  exitPoint: string | null;
  exitFrom: string | null;
  exitTo: string | null;
  route: string;
  stops: string;
}

export interface AssetDraft {
  key: string;
  kind: AssetKind;
  type: string;
  count: number;
  /** One per line or separated by commas. */
  registrations: string;
  callSigns: string;
}

export interface DangerousGoodsDraft {
  key: string;
  unNumber: string;
  hazardClass: string;
  description: string;
  neq: number | null;
}

export interface RequestDraft {
  title: string;
  framework: Framework | null;
  urgency: Urgency | null;
  classification: Classification;
  operationName: string;
  purpose: string;
  contactName: string;
  contactRank: string;
  contactPhone: string;
  contactEmail: string;
  legs: LegDraft[];
  assets: AssetDraft[];
  personnel: number;
  armament: boolean;
  dangerousGoods: DangerousGoodsDraft[];
}

let counter = 0;
/** A key for a list row that stays the same while rows move. */
export const rowKey = () => `row-${++counter}`;

export const emptyLeg = (): LegDraft => ({
  key: rowKey(),
  state: null,
  entryPoint: null,
  entryFrom: null,
  entryTo: null,
  hosts: false,
  exitPoint: null,
  exitFrom: null,
  exitTo: null,
  route: '',
  stops: '',
});

export const emptyAsset = (): AssetDraft => ({
  key: rowKey(),
  kind: 'vehicle',
  type: '',
  count: 1,
  registrations: '',
  callSigns: '',
});

export const emptyDangerousGoods = (): DangerousGoodsDraft => ({
  key: rowKey(),
  unNumber: '',
  hazardClass: '',
  description: '',
  neq: null,
});

export function emptyDraft(): RequestDraft {
  return {
    title: '',
    framework: null,
    urgency: null,
    classification: 'restricted',
    operationName: '',
    purpose: '',
    contactName: '',
    contactRank: '',
    contactPhone: '',
    contactEmail: '',
    legs: [emptyLeg()],
    assets: [emptyAsset()],
    personnel: 0,
    armament: false,
    dangerousGoods: [],
  };
}

/** The picker's wall-clock string, read as UTC, as an ISO instant ("" when empty). */
export function utcInstant(wall: string | null): string {
  if (!wall) return '';
  const iso = `${wall.trim().replace(' ', 'T')}${wall.length <= 16 ? ':00' : ''}Z`;
  return Number.isNaN(Date.parse(iso)) ? '' : new Date(iso).toISOString();
}

/** An ISO instant as the picker's wall-clock string in UTC. */
export function utcWall(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

const list = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

export const legToInput = (leg: LegDraft): LegInput => ({
  state: leg.state ?? '',
  entry: {
    point: leg.entryPoint ?? '',
    window: { from: utcInstant(leg.entryFrom), to: utcInstant(leg.entryTo) },
  },
  route: leg.route.trim(),
  stops: list(leg.stops),
  exit: leg.hosts
    ? null
    : { point: leg.exitPoint ?? '', window: { from: utcInstant(leg.exitFrom), to: utcInstant(leg.exitTo) } },
});

export const assetToInput = (a: Omit<AssetDraft, 'key'>): AssetInput => ({
  kind: a.kind,
  type: a.type.trim(),
  count: a.count,
  registrations: list(a.registrations),
  callSigns: list(a.callSigns),
});

export const assetFromInput = (a: AssetInput): AssetDraft => ({
  key: rowKey(),
  kind: a.kind,
  type: a.type,
  count: a.count,
  registrations: a.registrations.join(', '),
  callSigns: a.callSigns.join(', '),
});

/** The content the API takes; empty optional fields left out so the server's defaults apply. */
export function toContent(d: RequestDraft): ClearanceContent {
  return {
    purpose: d.purpose.trim(),
    ...(d.operationName.trim() ? { operationName: d.operationName.trim() } : {}),
    pointOfContact: {
      name: d.contactName.trim(),
      ...(d.contactRank.trim() ? { rank: d.contactRank.trim() } : {}),
      phone: d.contactPhone.trim(),
      ...(d.contactEmail.trim() ? { email: d.contactEmail.trim() } : {}),
    },
    legs: d.legs.map(legToInput),
    assets: d.assets.map(assetToInput),
    personnel: d.personnel,
    armament: d.armament,
    dangerousGoods: d.dangerousGoods.map((g) => ({
      unNumber: g.unNumber.trim(),
      hazardClass: g.hazardClass.trim(),
      description: g.description.trim(),
      netExplosiveQuantityKg: g.neq,
    })),
  };
}

export const legFromInput = (leg: LegInput): LegDraft => ({
  key: rowKey(),
  state: leg.state,
  entryPoint: leg.entry.point,
  entryFrom: utcWall(leg.entry.window.from),
  entryTo: utcWall(leg.entry.window.to),
  hosts: leg.exit === null,
  exitPoint: leg.exit?.point ?? null,
  exitFrom: utcWall(leg.exit?.window.from),
  exitTo: utcWall(leg.exit?.window.to),
  route: leg.route ?? '',
  stops: (leg.stops ?? []).join(', '),
});

/** A request's current content back in the form, to amend it or go on with a draft. */
export function fromContent(
  envelope: Pick<RequestDraft, 'title' | 'framework' | 'urgency' | 'classification'>,
  c: ClearanceContent,
): RequestDraft {
  return {
    ...envelope,
    operationName: c.operationName ?? '',
    purpose: c.purpose,
    contactName: c.pointOfContact.name,
    contactRank: c.pointOfContact.rank ?? '',
    contactPhone: c.pointOfContact.phone,
    contactEmail: c.pointOfContact.email ?? '',
    legs: c.legs.map(legFromInput),
    assets: c.assets.map(assetFromInput),
    personnel: c.personnel,
    armament: c.armament,
    dangerousGoods: (c.dangerousGoods ?? []).map((g) => ({
      key: rowKey(),
      unNumber: g.unNumber,
      hazardClass: g.hazardClass,
      description: g.description,
      neq: g.netExplosiveQuantityKg,
    })),
  };
}

/** Moves an item of a list one place up (-1) or down (+1). */
export function move<T>(items: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return items;
  const out = [...items];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

/** A picker's wall-clock string moved by some hours. */
export function shiftWall(wall: string | null, hours: number): string | null {
  const instant = utcInstant(wall);
  return instant ? utcWall(new Date(Date.parse(instant) + hours * 3_600_000).toISOString()) : null;
}

/**
 * The next leg's guess: it enters where the last one leaves, at the same time, and leaves a
 * day later. Saves typing the shared border crossing twice.
 */
export function nextLeg(previous: LegDraft | undefined): LegDraft {
  const leg = emptyLeg();
  if (!previous || previous.hosts) return leg;
  return {
    ...leg,
    entryPoint: previous.exitPoint,
    entryFrom: previous.exitFrom,
    entryTo: previous.exitTo,
    exitFrom: shiftWall(previous.exitFrom, 24),
    exitTo: shiftWall(previous.exitTo, 24),
  };
}
