import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { useFormat } from './i18n/format.ts';
import { AccountPage } from './pages/account/AccountPage.tsx';
import { UserAdminPage } from './pages/admin/UserAdminPage.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { BodiesPage } from './pages/directory/BodiesPage.tsx';
import { PartnersPage } from './pages/directory/PartnersPage.tsx';
import { StatesPage } from './pages/directory/StatesPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PeoplePage } from './pages/people/PeoplePage.tsx';
import { RecordPage } from './pages/record/RecordPage.tsx';
import { SignInPage } from './pages/sign-in/SignInPage.tsx';
import { useSession } from './session.tsx';

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
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="states" element={<StatesPage />} />
        <Route path="bodies" element={<BodiesPage />} />
        <Route path="partners" element={<PartnersPage />} />
        <Route path="people" element={<PeoplePage />} />
        <Route path="admin/users" element={<UserAdminPage />} />
        <Route path="record" element={<RecordPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
