import { Suspense, useEffect } from 'react';
import { restore, useSession } from '../api/auth';
import { accountRoutes } from '../account/routes';
import { buddyRoutes } from '../buddy/routes';
import { Page } from '../components/Page';
import { Loading } from '../components/Status';
import { coordinatorRoutes } from '../coordinator/routes';
import { linkRoutes } from '../links/routes';
import { therapistRoutes } from '../therapist/routes';
import { volunteerRoutes } from '../volunteer/routes';
import { Layout } from './Layout';
import { Redirect } from './Redirect';
import { Link, Routes, useLocation, type Route } from './router';

const routes: Route[] = [
  ...accountRoutes,
  ...volunteerRoutes,
  ...therapistRoutes,
  ...buddyRoutes,
  ...coordinatorRoutes,
  ...linkRoutes,
];

/** The path patterns the router knows; the build writes them to routes.json for the server. */
export const ROUTE_PATTERNS = routes.map((route) => route.path);

function NotFound() {
  return (
    <Page title="Page not found">
      <p className="govuk-body">
        If you typed the web address, check it is correct. <Link to="/">Go to the start</Link>.
      </p>
    </Page>
  );
}

function Forbidden() {
  return (
    <Page title="You cannot see this page">
      <p className="govuk-body">
        This page is for another kind of account. <Link to="/">Go to your home</Link>.
      </p>
    </Page>
  );
}

/** Sends signed-out visitors to sign in (and back afterwards), and other roles away. */
function useGuard() {
  const session = useSession();
  const { pathname } = useLocation();
  return (route: Route) => {
    if (!route.roles) return null;
    if (session.status === 'unknown') return <Loading />;
    if (session.status === 'signedOut') {
      return <Redirect to={`/sign-in?next=${encodeURIComponent(pathname)}`} />;
    }
    return route.roles.includes(session.role) ? null : <Forbidden />;
  };
}

export function App() {
  useEffect(() => {
    void restore();
  }, []);
  const guard = useGuard();
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes routes={routes} notFound={NotFound} guard={guard} />
      </Suspense>
    </Layout>
  );
}
