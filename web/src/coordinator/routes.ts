import type { Route } from '../app/router';
import { AuditPage } from './AuditPage';
import { ConcernPage } from './ConcernPage';
import { ConcernsPage } from './ConcernsPage';
import { CoordinatorHome } from './CoordinatorHome';
import { FailedTextsPage } from './FailedTextsPage';
import { PairingsPage } from './PairingsPage';
import { PeoplePage } from './PeoplePage';
import { VettingDecisionPage } from './VettingDecisionPage';
import { VettingPage } from './VettingPage';

const coordinator = ['coordinator'] as const;

/** Every coordinator page, by path. App.tsx mounts these; add a page here. */
export const coordinatorRoutes: Route[] = [
  { path: '/coordinator', component: CoordinatorHome, roles: coordinator },
  { path: '/coordinator/vetting', component: VettingPage, roles: coordinator },
  { path: '/coordinator/vetting/:userId', component: VettingDecisionPage, roles: coordinator },
  { path: '/coordinator/concerns', component: ConcernsPage, roles: coordinator },
  { path: '/coordinator/concerns/:id', component: ConcernPage, roles: coordinator },
  { path: '/coordinator/texts', component: FailedTextsPage, roles: coordinator },
  { path: '/coordinator/pairings', component: PairingsPage, roles: coordinator },
  { path: '/coordinator/people', component: PeoplePage, roles: coordinator },
  { path: '/coordinator/audit', component: AuditPage, roles: coordinator },
];
