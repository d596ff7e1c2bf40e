import type { Route } from '../app/router';
import { CoordinatorHome } from './CoordinatorHome';

/** Every coordinator page, by path. App.tsx mounts these; add a page here. */
export const coordinatorRoutes: Route[] = [
  { path: '/coordinator', component: CoordinatorHome, roles: ['coordinator'] },
];
