import { IconUsers } from '@tabler/icons-react';
import { defineWebModule } from '../../module.ts';
import { KEYS } from '../../queries.ts';
import { PeoplePage } from './PeoplePage.tsx';

/** Who is who: the people the reader may see. */
export const peopleWeb = defineWebModule({
  name: 'people',
  routes: [{ path: '/people', element: <PeoplePage /> }],
  nav: { section: 'nav.directory', entries: [{ path: '/people', label: 'nav.people', icon: IconUsers }] },
  live: [{ on: 'entry', keys: [KEYS.users] }],
});
