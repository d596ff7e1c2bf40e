import { INestApplication } from '@nestjs/common';
import { Role } from '../src/common/auth.decorators';
import { routeTable } from '../src/common/openapi';

export interface RouteAccess {
  /** `METHOD /path`, with OpenAPI-style `{param}`s. */
  route: string;
  /** 'public', 'any signed-in', or the roles allowed. */
  access: string;
  /** The signed-in roles the guard must refuse with 403 (none for public or any signed-in). */
  refused: Role[];
}

const ALL_ROLES = Object.values(Role);

/** Every route the application registered, with who may call it, read from the decorators. */
export function registeredRoutes(app: INestApplication): RouteAccess[] {
  return routeTable(app)
    .map(({ method, path, isPublic, roles }) => ({
      route: `${method} ${path}`,
      access: isPublic ? 'public' : roles ? [...roles].sort().join(',') : 'any signed-in',
      refused: !isPublic && roles ? ALL_ROLES.filter((r) => !roles.includes(r)) : [],
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** A concrete URL for a route: every path parameter becomes a well-formed id nobody has. */
export const sampleUrl = (path: string) =>
  path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
