import type { Schema } from '../../api/client.ts';

/** What a verification code proves (GET /api/verify/{code}, GET /api/clearances/{id}/certificate). */
export type Verification = Schema<'CertificateVerification'>;
/** A clearance certificate as issued. */
export type Certificate = Schema<'ClearanceCertificate'>;
/** Where and when a leg of the certificate enters its state. */
export type Passage = Certificate['legs'][number]['entry'];
