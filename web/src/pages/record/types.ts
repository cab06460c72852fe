import type { Clearance } from '../../types.ts';

/** A record entry as `GET /api/ledger` answers it, with its subject and actor named when the reader may read them. */
export interface RecordEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  actorName: string | null;
  delegation: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string | null;
  subjectPath: string | null;
  classification: Clearance | string | number;
  payload: Record<string, unknown> | null;
  hash: string;
  prevHash: string;
}

export interface RecordPageData {
  items: RecordEntry[];
  nextBefore: number | null;
  abilities: { export: boolean; verify: boolean };
}

/** A kind of record entry and the module that writes it (`GET /api/ledger/actions`). */
export interface ActionKind {
  action: string;
  module: string;
  description: string;
}
