import { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage } from 'class-validator';
import { Role } from '../src/common/auth.decorators';
import { routeTable } from '../src/common/openapi';

type Class = abstract new (...args: never[]) => unknown;

/** A route with what it reads from the client: enough to send it generated input. */
export interface RouteInput {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. `/v1/sessions/:id`. */
  path: string;
  params: string[];
  /** Who may call it: empty for public routes, every role for "any signed-in". */
  roles: Role[];
  body?: Class;
  query?: Class;
}

interface RouteArg {
  index: number;
  data?: unknown;
}

/** Every registered route with its body and query DTO classes, read from Nest's metadata. */
export function routeInputs(app: INestApplication): RouteInput[] {
  return routeTable(app)
    .map(({ method, path, isPublic, roles, controller, handler }) => {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<
        string,
        RouteArg
      >;
      const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, handler) ??
        []) as Class[];
      const argOf = (type: RouteParamtypes) =>
        Object.entries(args).find(([key, arg]) => key.startsWith(`${type}:`) && !arg.data)?.[1];
      const bodyArg = argOf(RouteParamtypes.BODY);
      const queryArg = argOf(RouteParamtypes.QUERY);
      const expressPath = path.replace(/\{(\w+)\}/g, ':$1');
      return {
        method: method.toLowerCase() as RouteInput['method'],
        path: expressPath,
        params: [...expressPath.matchAll(/:(\w+)/g)].map((m) => m[1]),
        roles: isPublic ? [] : (roles ?? Object.values(Role)),
        body: bodyArg ? types[bodyArg.index] : undefined,
        query: queryArg ? types[queryArg.index] : undefined,
      };
    })
    .sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
}

/** The validated property names of a DTO class, inherited ones included. */
export function dtoFields(dto: Class | undefined): string[] {
  if (!dto || dto === Object) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}
