import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export enum Role {
  Volunteer = 'volunteer',
  Therapist = 'therapist',
  Buddy = 'buddy',
  Coordinator = 'coordinator',
}

/** Who is calling: proven by the access token, nothing more. */
export interface Actor {
  id: string;
  role: Role;
  /** The caller's own IANA zone, read with the token version (see AuthGuard). */
  timezone: string;
}

export const IS_PUBLIC = 'access:public';
export const ROLES = 'access:roles';

/** The route needs no token. Every other route requires one (see AuthGuard). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. Ownership is still proven by the service. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export type AuthenticatedRequest = Request & { actor?: Actor };

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
