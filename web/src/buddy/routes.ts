import type { Route } from '../app/router';
import { BuddyHome } from './BuddyHome';

/** Every buddy page, by path. App.tsx mounts these; add a page here. */
export const buddyRoutes: Route[] = [{ path: '/buddy', component: BuddyHome, roles: ['buddy'] }];
