import type { ResponseOf, Schema } from '../../api/client.ts';

/** A record entry as `GET /api/ledger` answers it, with its subject and actor named when the reader may read them. */
export type RecordEntry = Schema<'LedgerEntry'>;

/** A kind of record entry and the module that writes it (`GET /api/ledger/actions`). */
export type ActionKind = ResponseOf<'/api/ledger/actions'>['items'][number];
