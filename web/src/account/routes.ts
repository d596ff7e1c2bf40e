import { lazyPages } from '../app/lazyPages';
import type { Route } from '../app/router';
import { ConfirmEmail } from './ConfirmEmail';
import { ForgotPassword } from './ForgotPassword';
import { ResetPassword } from './ResetPassword';
import { SignIn } from './SignIn';
import { SignUp } from './SignUp';
import { Start } from './Start';

const page = lazyPages(() => import('./pages'));
const everyone = ['volunteer', 'therapist', 'buddy', 'coordinator'] as const;

/** Pages every visitor or every signed-in person can reach. Sign in and up load with the app. */
export const accountRoutes: Route[] = [
  { path: '/', component: Start },
  { path: '/sign-in', component: SignIn },
  { path: '/sign-up', component: SignUp },
  { path: '/forgot-password', component: ForgotPassword },
  { path: '/reset-password', component: ResetPassword },
  { path: '/confirm-email', component: ConfirmEmail },
  { path: '/account', component: page('AccountHome'), roles: everyone },
  { path: '/account/name', component: page('AccountName'), roles: everyone },
  { path: '/account/email', component: page('AccountEmail'), roles: everyone },
  { path: '/account/password', component: page('AccountPassword'), roles: everyone },
  { path: '/account/phone', component: page('PhoneConfirm'), roles: everyone },
  { path: '/account/consents', component: page('Consents'), roles: everyone },
  { path: '/account/texts', component: page('Texts'), roles: everyone },
  {
    path: '/account/messages',
    component: page('MessagePreferences'),
    roles: ['volunteer', 'therapist', 'buddy'],
  },
  { path: '/account/data', component: page('DataPage'), roles: everyone },
  { path: '/concerns', component: page('ConcernList'), roles: everyone },
  { path: '/concerns/new', component: page('ConcernNew'), roles: everyone },
];
