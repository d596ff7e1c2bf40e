import { useSession } from '../api/auth';
import { homeFor } from '../app/Layout';
import { Redirect } from '../app/Redirect';
import { SignIn } from './SignIn';

/**
 * "/" is the sign-in form until the session is known to be signed in, then the role's home. It is
 * pre-rendered like /sign-in (src/prerender.tsx), so a signed-out visitor on a slow connection gets
 * the form with the HTML; the server cannot tell who is signed in (the refresh cookie is sent to
 * /v1/auth only), so a signed-in person sees the form until the start-up refresh answers.
 */
export function Start() {
  const session = useSession();
  return session.status === 'signedIn' ? <Redirect to={homeFor(session.role)} /> : <SignIn />;
}
