import type { Route } from '../app/router';
import { AvailabilityPage } from './AvailabilityPage';
import { SessionPage } from './SessionPage';
import { TherapistHome } from './TherapistHome';
import { TherapistProfile } from './TherapistProfile';

/** Every therapist page, by path. App.tsx mounts these; add a page here. */
export const therapistRoutes: Route[] = [
  { path: '/therapist', component: TherapistHome, roles: ['therapist'] },
  { path: '/therapist/profile', component: TherapistProfile, roles: ['therapist'] },
  { path: '/therapist/availability', component: () => AvailabilityPage({}), roles: ['therapist'] },
  { path: '/therapist/sessions/:id', component: SessionPage, roles: ['therapist'] },
];
