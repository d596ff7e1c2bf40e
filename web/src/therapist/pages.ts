/** The therapist's pages, loaded together on first visit (see app/lazyPages). */
export { TherapistAvailability } from './AvailabilityPage';
export { ProfilePage } from './ProfilePage';
export { SessionPage } from './SessionPage';
export { TherapistHome } from './TherapistHome';
