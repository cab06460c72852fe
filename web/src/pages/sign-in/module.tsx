import { defineWebModule } from '../../module.ts';
import { SignInPage } from './SignInPage.tsx';

/** Signing in. */
export const signInWeb = defineWebModule({
  name: 'sign-in',
  publicRoutes: [{ path: '/sign-in', element: <SignInPage /> }],
});
