import { lazyPages } from '../app/lazyPages';
import type { Route } from '../app/router';

const page = lazyPages(() => import('./pages'));
const buddy = ['buddy'] as const;

/** Every buddy page, by path. App.tsx mounts these; add a page here and in pages.ts. */
export const buddyRoutes: Route[] = [
  { path: '/buddy', component: page('BuddyHome'), roles: buddy },
  { path: '/buddy/pairings', component: page('PairingsPage'), roles: buddy },
  { path: '/buddy/calls/:id', component: page('CallPage'), roles: buddy },
  { path: '/buddy/profile', component: page('ProfilePage'), roles: buddy },
  { path: '/buddy/availability', component: page('BuddyAvailability'), roles: buddy },
];
