import type { ReactNode } from 'react';
import { signOut, useSession, type Role } from '../api/auth';
import { Link, navigate } from './router';

const HOME: Record<Role, string> = {
  volunteer: '/volunteer',
  therapist: '/therapist',
  buddy: '/buddy',
  coordinator: '/coordinator',
};

export function homeFor(role: Role): string {
  return HOME[role];
}

/**
 * The frame around every page rendered by the app: navigation and footer. The header with "Exit
 * this page" and the crisis signposting are static in index.html, so they show before the bundle.
 */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  return (
    <>
      <nav className="app-nav" aria-label="Main">
        <div className="govuk-width-container">
          <ul className="app-nav__list">
            {signedIn ? (
              <>
                <li>
                  <Link to={homeFor(session.role)}>Home</Link>
                </li>
                <li>
                  <Link to="/account">Your account</Link>
                </li>
                <li>
                  <Link to="/concerns/new">Raise a concern</Link>
                </li>
                <li>
                  <button
                    type="button"
                    className="app-link-button"
                    onClick={() => void signOut().then(() => navigate('/sign-in?signedOut=1'))}
                  >
                    Sign out
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link to="/sign-in">Sign in</Link>
                </li>
                <li>
                  <Link to="/sign-up">Create an account</Link>
                </li>
                <li>
                  <Link to="/concerns/new">Raise a concern</Link>
                </li>
              </>
            )}
          </ul>
        </div>
      </nav>
      <div className="govuk-width-container">{children}</div>
      <footer className="app-footer" role="contentinfo">
        <div className="govuk-width-container">
          <p className="govuk-body-s">
            Volunteer Wellbeing Service: free, confidential support for volunteers coming home. Your
            data: <Link to="/account">see, download or delete it</Link>.
          </p>
        </div>
      </footer>
    </>
  );
}
