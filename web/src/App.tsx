import { type ComponentType, lazy, useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { useFormat } from './i18n/format.ts';
import { AccountPage } from './pages/account/AccountPage.tsx';
import { UserAdminPage } from './pages/admin/UserAdminPage.tsx';
import { VerifyPage } from './pages/certificates/VerifyPage.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { DecisionPage } from './pages/decisions/DecisionPage.tsx';
import { DecisionsPage } from './pages/decisions/DecisionsPage.tsx';
import { ProposalPage } from './pages/decisions/ProposalPage.tsx';
import { ProposalsPage } from './pages/decisions/ProposalsPage.tsx';
import { ExistingProposalWizardPage, NewProposalPage } from './pages/decisions/WizardPages.tsx';
import { BodiesPage } from './pages/directory/BodiesPage.tsx';
import { PartnersPage } from './pages/directory/PartnersPage.tsx';
import { StatesPage } from './pages/directory/StatesPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { NotificationsPage } from './pages/notifications/NotificationsPage.tsx';
import { PeoplePage } from './pages/people/PeoplePage.tsx';
import { RecordPage } from './pages/record/RecordPage.tsx';
import { SignInPage } from './pages/sign-in/SignInPage.tsx';
import { useSession } from './session.tsx';

/** A page loaded on first visit: its module, and the component it exports under `name`. */
function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType<Record<string, unknown>> })));
}

// The clearance pages (and their map) load when first visited, keeping the first load small.
const AssetListsPage = lazyPage(() => import('./pages/clearances/AssetListsPage.tsx'), 'AssetListsPage');
const BoardPage = lazyPage(() => import('./pages/clearances/BoardPage.tsx'), 'BoardPage');
const DeploymentsPage = lazyPage(() => import('./pages/clearances/DeploymentsPage.tsx'), 'DeploymentsPage');
const NewDeploymentPage = lazyPage(
  () => import('./pages/clearances/DeploymentsPage.tsx'),
  'NewDeploymentPage',
);
const ExistingRequestFormPage = lazyPage(
  () => import('./pages/clearances/RequestFormPages.tsx'),
  'ExistingRequestFormPage',
);
const NewRequestPage = lazyPage(() => import('./pages/clearances/RequestFormPages.tsx'), 'NewRequestPage');
const RequestPage = lazyPage(() => import('./pages/clearances/RequestPage.tsx'), 'RequestPage');
const StandingPermissionsPage = lazyPage(
  () => import('./pages/clearances/StandingPermissionsPage.tsx'),
  'StandingPermissionsPage',
);
const TimelinessPage = lazyPage(() => import('./pages/clearances/TimelinessPage.tsx'), 'TimelinessPage');
const WebhooksPage = lazyPage(() => import('./pages/webhooks/WebhooksPage.tsx'), 'WebhooksPage');
const CertificatePage = lazyPage(() => import('./pages/certificates/CertificatePage.tsx'), 'CertificatePage');

/** "CSTO · Accord" in the browser tab, in the current language. */
function useDocumentTitle() {
  const { meta } = useSession();
  const { text } = useFormat();
  const shortName = meta?.organisation ? text(meta.organisation.shortName) : '';
  useEffect(() => {
    document.title = shortName ? `${shortName} · Accord` : 'Accord';
  }, [shortName]);
}

export function App() {
  useDocumentTitle();
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/verify" element={<VerifyPage />} />
      <Route path="/verify/:code" element={<VerifyPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="proposals" element={<ProposalsPage />} />
        <Route path="proposals/new" element={<NewProposalPage />} />
        <Route path="proposals/:id" element={<ProposalPage />} />
        <Route path="proposals/:id/edit" element={<ExistingProposalWizardPage key="edit" mode="edit" />} />
        <Route path="proposals/:id/open" element={<ExistingProposalWizardPage key="open" mode="open" />} />
        <Route path="decisions" element={<DecisionsPage />} />
        <Route path="decisions/:id" element={<DecisionPage />} />
        <Route path="clearances" element={<BoardPage />} />
        <Route path="clearances/new" element={<NewRequestPage />} />
        <Route path="clearances/standing-permissions" element={<StandingPermissionsPage />} />
        <Route path="clearances/assets" element={<AssetListsPage />} />
        <Route path="clearances/deployments" element={<DeploymentsPage />} />
        <Route path="clearances/deployments/new" element={<NewDeploymentPage />} />
        <Route path="clearances/timeliness" element={<TimelinessPage />} />
        <Route path="clearances/:id" element={<RequestPage />} />
        <Route path="clearances/:id/edit" element={<ExistingRequestFormPage key="draft" mode="draft" />} />
        <Route path="clearances/:id/amend" element={<ExistingRequestFormPage key="amend" mode="amend" />} />
        <Route path="clearances/:id/certificate" element={<CertificatePage />} />
        <Route path="states" element={<StatesPage />} />
        <Route path="bodies" element={<BodiesPage />} />
        <Route path="partners" element={<PartnersPage />} />
        <Route path="people" element={<PeoplePage />} />
        <Route path="admin/users" element={<UserAdminPage />} />
        <Route path="record" element={<RecordPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
