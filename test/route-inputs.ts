import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { IS_PUBLIC, Role, ROLES } from '../src/common/auth.decorators';

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

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

interface RouteArg {
  index: number;
  data?: unknown;
}

/** Every registered route with its body and query DTO classes, read from Nest's metadata. */
export function routeInputs(app: INestApplication): RouteInput[] {
  const routes: RouteInput[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const isPublic = Boolean(
          Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller),
        );
        const roles = (Reflect.getMetadata(ROLES, handler) ??
          Reflect.getMetadata(ROLES, controller)) as Role[] | undefined;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          RouteArg
        >;
        const types = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as Class[];
        const argOf = (type: RouteParamtypes) =>
          Object.entries(args).find(([key, arg]) => key.startsWith(`${type}:`) && !arg.data)?.[1];
        const bodyArg = argOf(RouteParamtypes.BODY);
        const queryArg = argOf(RouteParamtypes.QUERY);
        const full = join(base, path);
        routes.push({
          method: RequestMethod[method].toLowerCase() as RouteInput['method'],
          path: full,
          params: [...full.matchAll(/:(\w+)/g)].map((m) => m[1]),
          roles: isPublic ? [] : (roles ?? Object.values(Role)),
          body: bodyArg ? types[bodyArg.index] : undefined,
          query: queryArg ? types[queryArg.index] : undefined,
        });
      }
    }
  }
  return routes.sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
}

/** The validated property names of a DTO class, inherited ones included. */
export function dtoFields(dto: Class | undefined): string[] {
  if (!dto || dto === Object) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}
