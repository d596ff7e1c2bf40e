import { StartRedirect } from '../app/App';
import type { Route } from '../app/router';
import { SignIn } from './SignIn';

/** Pages every visitor or every signed-in person can reach. */
export const accountRoutes: Route[] = [
  { path: '/', component: StartRedirect },
  { path: '/sign-in', component: SignIn },
];
