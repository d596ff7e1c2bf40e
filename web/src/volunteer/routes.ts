import type { Route } from '../app/router';
import { AskSession } from './AskSession';
import { BookSlot } from './BookSlot';
import { Deployments } from './Deployments';
import { Matches } from './Matches';
import { SessionPage } from './SessionPage';
import { VolunteerHome } from './VolunteerHome';

const volunteer = ['volunteer'] as const;

/** Every volunteer page, by path. App.tsx mounts these; add a page here. */
export const volunteerRoutes: Route[] = [
  { path: '/volunteer', component: VolunteerHome, roles: volunteer },
  { path: '/volunteer/deployments', component: Deployments, roles: volunteer },
  { path: '/volunteer/ask', component: AskSession, roles: volunteer },
  { path: '/volunteer/requests/:id', component: Matches, roles: volunteer },
  {
    path: '/volunteer/requests/:id/therapists/:therapistId',
    component: BookSlot,
    roles: volunteer,
  },
  { path: '/volunteer/sessions/:id', component: SessionPage, roles: volunteer },
];
