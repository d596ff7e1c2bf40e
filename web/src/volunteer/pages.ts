/** The volunteer's pages, loaded together on first visit (see app/lazyPages). */
export { AskSession } from './AskSession';
export { BookSlot } from './BookSlot';
export { Deployments } from './Deployments';
export { Matches } from './Matches';
export { SessionPage } from './SessionPage';
export { VolunteerHome } from './VolunteerHome';
export { AskBuddy } from './AskBuddy';
export { CallsPage } from './CallsPage';
export { ChooseBuddy } from './ChooseBuddy';
export { ProfilePage } from './ProfilePage';
export { WithdrawRequest } from './WithdrawRequest';
export { CallPage } from '../calls/CallPage';
