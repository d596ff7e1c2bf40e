/** The buddy's pages, loaded together on first visit (see app/lazyPages). */
export { BuddyAvailability } from '../therapist/AvailabilityPage';
export { BuddyHome } from './BuddyHome';
export { PairingsPage } from './PairingsPage';
export { ProfilePage } from './ProfilePage';
export { CallPage } from '../calls/CallPage';
