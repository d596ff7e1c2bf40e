import { lazyPages } from '../app/lazyPages';
import type { Route } from '../app/router';

const page = lazyPages(() => import('./pages'));
const volunteer = ['volunteer'] as const;

/** Every volunteer page, by path. App.tsx mounts these; add a page here and in pages.ts. */
export const volunteerRoutes: Route[] = [
  { path: '/volunteer', component: page('VolunteerHome'), roles: volunteer },
  { path: '/volunteer/deployments', component: page('Deployments'), roles: volunteer },
  { path: '/volunteer/ask', component: page('AskSession'), roles: volunteer },
  { path: '/volunteer/requests/:id', component: page('Matches'), roles: volunteer },
  {
    path: '/volunteer/requests/:id/withdraw',
    component: page('WithdrawRequest'),
    roles: volunteer,
  },
  {
    path: '/volunteer/requests/:id/therapists/:therapistId',
    component: page('BookSlot'),
    roles: volunteer,
  },
  { path: '/volunteer/sessions/:id', component: page('SessionPage'), roles: volunteer },
  { path: '/volunteer/buddy', component: page('AskBuddy'), roles: volunteer },
  { path: '/volunteer/buddy-requests/:id', component: page('ChooseBuddy'), roles: volunteer },
  {
    path: '/volunteer/buddy-requests/:id/withdraw',
    component: page('WithdrawRequest'),
    roles: volunteer,
  },
  { path: '/volunteer/profile', component: page('ProfilePage'), roles: volunteer },
  { path: '/volunteer/calls', component: page('CallsPage'), roles: volunteer },
  { path: '/volunteer/calls/:id', component: page('CallPage'), roles: volunteer },
];
