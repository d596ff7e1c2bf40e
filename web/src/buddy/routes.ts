import type { Route } from '../app/router';
import { BuddyAvailability } from '../therapist/AvailabilityPage';
import { BuddyHome } from './BuddyHome';
import { PairingsPage } from './PairingsPage';
import { ProfilePage } from './ProfilePage';

/** Every buddy page, by path. App.tsx mounts these; add a page here. */
export const buddyRoutes: Route[] = [
  { path: '/buddy', component: BuddyHome, roles: ['buddy'] },
  { path: '/buddy/pairings', component: PairingsPage, roles: ['buddy'] },
  { path: '/buddy/profile', component: ProfilePage, roles: ['buddy'] },
  { path: '/buddy/availability', component: BuddyAvailability, roles: ['buddy'] },
];
