import { lazyPages } from '../app/lazyPages';
import type { Route } from '../app/router';

const page = lazyPages(() => import('./pages'));
const coordinator = ['coordinator'] as const;

/** Every coordinator page, by path. App.tsx mounts these; add a page here and in pages.ts. */
export const coordinatorRoutes: Route[] = [
  { path: '/coordinator', component: page('CoordinatorHome'), roles: coordinator },
  { path: '/coordinator/vetting', component: page('VettingPage'), roles: coordinator },
  {
    path: '/coordinator/vetting/:userId',
    component: page('VettingDecisionPage'),
    roles: coordinator,
  },
  { path: '/coordinator/concerns', component: page('ConcernsPage'), roles: coordinator },
  { path: '/coordinator/concerns/:id', component: page('ConcernPage'), roles: coordinator },
  { path: '/coordinator/texts', component: page('FailedTextsPage'), roles: coordinator },
  { path: '/coordinator/pairings', component: page('PairingsPage'), roles: coordinator },
  { path: '/coordinator/people', component: page('PeoplePage'), roles: coordinator },
  { path: '/coordinator/people/:userId', component: page('PersonPage'), roles: coordinator },
  { path: '/coordinator/audit', component: page('AuditPage'), roles: coordinator },
  { path: '/coordinator/requests', component: page('UnmatchedRequestsPage'), roles: coordinator },
  {
    path: '/coordinator/requests/:kind/:id',
    component: page('RequestMatchesPage'),
    roles: coordinator,
  },
];
