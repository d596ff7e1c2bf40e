import type { Route } from '../app/router';
import { TherapistAvailability } from './AvailabilityPage';
import { SessionPage } from './SessionPage';
import { TherapistHome } from './TherapistHome';
import { ProfilePage } from './ProfilePage';

/** Every therapist page, by path. App.tsx mounts these; add a page here. */
export const therapistRoutes: Route[] = [
  { path: '/therapist', component: TherapistHome, roles: ['therapist'] },
  { path: '/therapist/profile', component: ProfilePage, roles: ['therapist'] },
  { path: '/therapist/availability', component: TherapistAvailability, roles: ['therapist'] },
  { path: '/therapist/sessions/:id', component: SessionPage, roles: ['therapist'] },
];
