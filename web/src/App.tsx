import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { useFormat } from './i18n/format.ts';
import type { WebRoute } from './module.ts';
import { WEB_MODULES } from './modules.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
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

/** A module's page as a route: "/" is the layout's index, every other path is matched from the root. */
const routeOf = ({ path, element }: WebRoute) =>
  path === '/' ? (
    <Route key={path} index element={element} />
  ) : (
    <Route key={path} path={path} element={element} />
  );

/** The pages of every module (web/src/modules.ts): public ones alone, the others behind sign-in in the layout. */
export function App() {
  useDocumentTitle();
  return (
    <Routes>
      {WEB_MODULES.flatMap((m) => m.publicRoutes ?? []).map(routeOf)}
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        {WEB_MODULES.flatMap((m) => m.routes ?? []).map(routeOf)}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
