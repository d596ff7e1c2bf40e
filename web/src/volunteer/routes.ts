import type { Route } from '../app/router';
import { VolunteerHome } from './VolunteerHome';

/** Every volunteer page, by path. App.tsx mounts these; add a page here. */
export const volunteerRoutes: Route[] = [
  { path: '/volunteer', component: VolunteerHome, roles: ['volunteer'] },
];
