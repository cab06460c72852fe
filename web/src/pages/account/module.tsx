import { defineWebModule } from '../../module.ts';
import { AccountPage } from './AccountPage.tsx';

/** The person's own account (opened from the user menu): profile, password, tokens, notification choices. */
export const accountWeb = defineWebModule({
  name: 'account',
  routes: [{ path: '/account', element: <AccountPage /> }],
});
