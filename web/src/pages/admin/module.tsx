import { IconUserCog } from '@tabler/icons-react';
import { defineWebModule } from '../../module.ts';
import { useUsers } from '../../queries.ts';
import { UserAdminPage } from './UserAdminPage.tsx';

/** Whether the person may create an account or change one: the abilities the users list answers. */
function useAdministers(): boolean {
  const { data } = useUsers();
  if (!data) return false;
  return data.abilities.create || data.items.some((u) => u.abilities.update || u.abilities.disable);
}

/** Accounts: create, change role and access level, disable. */
export const adminWeb = defineWebModule({
  name: 'admin',
  routes: [{ path: '/admin/users', element: <UserAdminPage /> }],
  nav: {
    section: 'nav.governance',
    entries: [
      { path: '/admin/users', label: 'nav.userAdmin', icon: IconUserCog, useVisible: useAdministers },
    ],
  },
});
