import type {
  Classification,
  CreateReportBody,
  Direction,
  PointPrecision,
  Protection,
  Reliability,
  Report,
  TimePrecision,
} from './api.ts';

/**
 * A report as the form holds it while it is written: numbers may be empty, the time is the
 * picker's UTC wall clock. `toContent` makes the body the server checks (it answers 400
 * naming each field that is wrong, and the form shows the reason on that field).
 */
export interface ReportDraft {
  title: string;
  description: string;
  category: string | null;
  /** "2026-12-05 14:30:00", in UTC. */
  occurredAt: string | null;
  timePrecision: TimePrecision;
  latitude: number | '';
  longitude: number | '';
  pointPrecision: PointPrecision;
  placeName: string;
  distanceKm: number | '';
  direction: Direction | null;
  region: string | null;
  state: string | null;
  actors: string[];
  fatalities: number | '';
  injured: number | '';
  sourceName: string;
  reliability: Reliability;
  credibility: string;
  classification: Classification;
  protection: Protection | null;
}

export type ReportContent = Omit<CreateReportBody, 'submit' | 'mission'>;

/** An instant as the picker's wall clock in UTC ("2026-12-05 14:30:00"). */
export function utcWall(iso: string | Date): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

/** The picker's UTC wall clock as an instant, or '' when it is not one. */
export function utcInstant(wall: string | null): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(wall?.trim() ?? '');
  if (!match) return '';
  const iso = `${match[1]}T${match[2]}${match[3] ?? ':00'}Z`;
  return Number.isNaN(Date.parse(iso)) ? '' : new Date(iso).toISOString();
}

/** A new report: now (to the minute), restricted, the source not yet graded. */
export function emptyDraft(now = new Date()): ReportDraft {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return {
    title: '',
    description: '',
    category: null,
    occurredAt: utcWall(minute),
    timePrecision: 'exact',
    latitude: '',
    longitude: '',
    pointPrecision: 'exact',
    placeName: '',
    distanceKm: '',
    direction: null,
    region: null,
    state: null,
    actors: [],
    fatalities: '',
    injured: '',
    sourceName: '',
    reliability: 'F',
    credibility: '6',
    classification: 'restricted',
    protection: null,
  };
}

/** The form's state from a report as read (to edit a draft or correct it). */
export function fromReport(report: Report): ReportDraft {
  return {
    title: report.title,
    description: report.description,
    category: report.category,
    occurredAt: utcWall(report.occurredAt),
    timePrecision: report.timePrecision,
    latitude: report.point?.latitude ?? '',
    longitude: report.point?.longitude ?? '',
    pointPrecision: report.point?.precision ?? 'exact',
    placeName: report.place?.name ?? '',
    distanceKm: report.place?.distanceKm ?? '',
    direction: (report.place?.direction as Direction | null | undefined) ?? null,
    region: report.region,
    state: report.state,
    actors: report.actors,
    fatalities: report.fatalities ?? '',
    injured: report.injured ?? '',
    sourceName: report.source.name ?? '',
    reliability: report.source.reliability as Reliability,
    credibility: String(report.source.credibility),
    classification: report.classification,
    protection: report.protection === 'public' ? null : report.protection,
  };
}

const numberOrNull = (value: number | '') => (value === '' ? null : value);

/**
 * The body the server takes. A point is sent when either coordinate is typed (the server
 * names the one missing); a place when its name, distance or direction is given.
 */
export function toContent(draft: ReportDraft): ReportContent {
  const hasPoint = draft.latitude !== '' || draft.longitude !== '';
  const hasPlace = !!draft.placeName.trim() || draft.distanceKm !== '' || draft.direction !== null;
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    category: draft.category ?? '',
    occurredAt: utcInstant(draft.occurredAt),
    timePrecision: draft.timePrecision,
    point: hasPoint
      ? ({
          latitude: numberOrNull(draft.latitude),
          longitude: numberOrNull(draft.longitude),
          precision: draft.pointPrecision,
        } as NonNullable<ReportContent['point']>)
      : null,
    place: hasPlace
      ? {
          name: draft.placeName.trim(),
          distanceKm: numberOrNull(draft.distanceKm),
          direction: draft.direction,
        }
      : null,
    region: draft.region,
    state: draft.state,
    actors: draft.actors.map((a) => a.trim()).filter(Boolean),
    fatalities: numberOrNull(draft.fatalities),
    injured: numberOrNull(draft.injured),
    source: {
      name: draft.sourceName.trim() || null,
      reliability: draft.reliability,
      credibility: Number(draft.credibility),
    },
    classification: draft.classification,
    protection: draft.protection,
  };
}
