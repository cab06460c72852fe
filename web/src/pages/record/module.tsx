import { IconListDetails } from '@tabler/icons-react';
import { defineWebModule } from '../../module.ts';
import { KEYS } from '../../queries.ts';
import { RecordPage } from './RecordPage.tsx';

/** The record: every entry the reader may read, its verification and export. */
export const recordWeb = defineWebModule({
  name: 'record',
  routes: [{ path: '/record', element: <RecordPage /> }],
  nav: {
    section: 'nav.governance',
    entries: [{ path: '/record', label: 'nav.record', icon: IconListDetails }],
  },
  live: [{ on: 'entry', keys: [KEYS.ledger] }],
  webhookEvents: ['record_fork'],
});
