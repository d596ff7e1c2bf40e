import { lazyPages } from '../app/lazyPages';
import type { Route } from '../app/router';

const page = lazyPages(() => import('./pages'));

/** The short link in a text or invite: no sign-in, the code is the key. */
export const linkRoutes: Route[] = [{ path: '/l/:code', component: page('LinkPage') }];
