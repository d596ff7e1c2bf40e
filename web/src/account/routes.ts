import { StartRedirect } from '../app/App';
import type { Route } from '../app/router';
import { AccountHome } from './AccountHome';
import { ConcernList } from './ConcernList';
import { ConcernNew } from './ConcernNew';
import { Consents } from './Consents';
import { DataPage } from './DataPage';
import { SignIn } from './SignIn';
import { SignUp } from './SignUp';
import { Texts } from './Texts';

const everyone = ['volunteer', 'therapist', 'buddy', 'coordinator'] as const;

/** Pages every visitor or every signed-in person can reach. */
export const accountRoutes: Route[] = [
  { path: '/', component: StartRedirect },
  { path: '/sign-in', component: SignIn },
  { path: '/sign-up', component: SignUp },
  { path: '/account', component: AccountHome, roles: everyone },
  { path: '/account/consents', component: Consents, roles: everyone },
  { path: '/account/texts', component: Texts, roles: everyone },
  { path: '/account/data', component: DataPage, roles: everyone },
  { path: '/concerns', component: ConcernList, roles: everyone },
  { path: '/concerns/new', component: ConcernNew, roles: everyone },
];
