// Providers and the router. Every path needs a signed-in user: signed out, the login page shows
// in place (the address stays, so a shared link opens after signing in).
import { createBrowserRouter, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from './auth/AuthProvider';
import { useAuth } from './auth/auth-context';
import { LoginPage } from './auth/LoginPage';
import { Layout } from './layout/Layout';
import { appRoutes } from './routes';
import { RouteError } from './RouteError';

function AuthGate() {
  const { user } = useAuth();
  const { t } = useTranslation();
  if (user === undefined)
    return (
      <p className="page" role="status">
        {t('app.loading')}
      </p>
    );
  if (user === null) return <LoginPage />;
  return <Layout />;
}

// A page that fails renders RouteError inside the layout (pathless child), not a blank screen.
const router = createBrowserRouter([
  {
    path: '/',
    element: <AuthGate />,
    errorElement: <RouteError />,
    children: [{ errorElement: <RouteError />, children: appRoutes }],
  },
]);

export function App() {
  return (
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  );
}
