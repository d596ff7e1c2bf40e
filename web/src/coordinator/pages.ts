/** The coordinator's pages, loaded together on first visit (see app/lazyPages). */
export { AuditPage } from './AuditPage';
export { ConcernPage } from './ConcernPage';
export { ConcernsPage } from './ConcernsPage';
export { CoordinatorHome } from './CoordinatorHome';
export { FailedTextsPage } from './FailedTextsPage';
export { PairingsPage } from './PairingsPage';
export { PeoplePage } from './PeoplePage';
export { PersonPage } from './PersonPage';
export { RequestMatchesPage } from './RequestMatchesPage';
export { UnmatchedRequestsPage } from './UnmatchedRequestsPage';
export { VettingDecisionPage } from './VettingDecisionPage';
export { VettingPage } from './VettingPage';
