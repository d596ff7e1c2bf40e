import { lazyPages } from '../app/lazyPages';
import type { Route } from '../app/router';

const page = lazyPages(() => import('./pages'));
const therapist = ['therapist'] as const;

/** Every therapist page, by path. App.tsx mounts these; add a page here and in pages.ts. */
export const therapistRoutes: Route[] = [
  { path: '/therapist', component: page('TherapistHome'), roles: therapist },
  { path: '/therapist/profile', component: page('ProfilePage'), roles: therapist },
  { path: '/therapist/availability', component: page('TherapistAvailability'), roles: therapist },
  { path: '/therapist/sessions/:id', component: page('SessionPage'), roles: therapist },
];
