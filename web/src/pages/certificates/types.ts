import type { Localized } from '../../types.ts';

/** A clearance certificate as issued (GET /api/verify/{code}, GET /api/clearances/{id}/certificate). */
export interface Certificate {
  kind: 'accord.clearance-certificate';
  code: string;
  reference: string;
  version: number;
  requestingState: string;
  requestingStateName: Localized;
  framework: string;
  urgency: string;
  issuedAt: string;
  personnel: number;
  armament: boolean;
  dangerousGoods: { unNumber: string; hazardClass: string; netExplosiveQuantityKg: number | null }[];
  assets: { kind: string; type: string; count: number; registrations: string[]; callSigns: string[] }[];
  legs: {
    state: string;
    stateName: Localized;
    clearanceNumber: string;
    decidedAt: string;
    decidedHow: string;
    entry: Passage;
    exit: Passage | null;
    route: string;
    conditions: { kind: string; text: string }[];
  }[];
}

export interface Passage {
  point: string;
  pointName: Localized;
  from: string;
  to: string;
}

/** What a verification code proves. */
export interface Verification {
  code: string;
  verified: boolean;
  /** Only `valid` lets the movement through; `under_amendment` from the moment an amendment re-opens legs. */
  status: 'valid' | 'under_amendment' | 'denied' | 'superseded' | 'withdrawn';
  problems: string[];
  certificate: Certificate;
  digest: string;
  record: {
    seq: number;
    hash: string;
    at: string;
    checkpoint: { seq: number; signedAt: string; keyId: string; signatureValid: boolean } | null;
  };
}
