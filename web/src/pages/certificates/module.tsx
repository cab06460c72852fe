import { defineWebModule, lazyPage } from '../../module.ts';
import { VerifyPage } from './VerifyPage.tsx';

const CertificatePage = lazyPage(() => import('./CertificatePage.tsx'), 'CertificatePage');

/** A cleared request's certificate, and the public page that checks a certificate's code. */
export const certificatesWeb = defineWebModule({
  name: 'certificates',
  publicRoutes: [
    { path: '/verify', element: <VerifyPage /> },
    { path: '/verify/:code', element: <VerifyPage /> },
  ],
  routes: [{ path: '/clearances/:id/certificate', element: <CertificatePage /> }],
});
