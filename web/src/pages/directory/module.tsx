import { IconFlag, IconHierarchy2, IconWorld } from '@tabler/icons-react';
import { defineWebModule } from '../../module.ts';
import { KEYS } from '../../queries.ts';
import { BodiesPage } from './BodiesPage.tsx';
import { PartnersPage } from './PartnersPage.tsx';
import { StatesPage } from './StatesPage.tsx';

/** The organisation: member states, bodies, partners. */
export const directoryWeb = defineWebModule({
  name: 'directory',
  routes: [
    { path: '/states', element: <StatesPage /> },
    { path: '/bodies', element: <BodiesPage /> },
    { path: '/partners', element: <PartnersPage /> },
  ],
  nav: {
    section: 'nav.directory',
    entries: [
      { path: '/states', label: 'nav.states', icon: IconFlag },
      { path: '/bodies', label: 'nav.bodies', icon: IconHierarchy2 },
      { path: '/partners', label: 'nav.partners', icon: IconWorld },
    ],
  },
  live: [{ on: 'entry', keys: [KEYS.organisation, KEYS.states, KEYS.bodies, KEYS.partners] }],
});
