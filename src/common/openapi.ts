import { applyDecorators, INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ApiResponse, OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { IS_PUBLIC, Role, ROLES } from './auth.decorators';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** One HTTP route and who may call it, read from the controllers' decorators. */
export interface RouteAccess {
  method: string;
  /** OpenAPI style: `/v1/sessions/{id}`. */
  path: string;
  isPublic: boolean;
  /** The roles allowed, or undefined when anyone signed in may call it. */
  roles?: Role[];
  /** The controller class and its method, for readers of further route metadata (tests). */
  controller: abstract new (...args: never[]) => unknown;
  handler: string;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`.replace(/:(\w+)/g, '{$1}');

/**
 * Every route the application registered, with its access rule. The OpenAPI post-processing and
 * the access test read the same table, so what the document says is what the guard enforces.
 */
export function routeTable(app: INestApplication): RouteAccess[] {
  const routes: RouteAccess[] = [];
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
        const meta = <T>(key: string) =>
          (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as
            T | undefined;
        routes.push({
          method: RequestMethod[method],
          path: joinPath(base, path),
          isPublic: meta<boolean>(IS_PUBLIC) === true,
          roles: meta<Role[]>(ROLES),
          controller,
          handler: name,
        });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request, or invalid fields (`/problems/validation-failed` lists each in `errors`).',
  401: 'No valid bearer token (or, for login, wrong credentials).',
  403: 'This role may not call the route (`/problems/role-not-allowed`), or a consent is missing.',
  404: 'No such resource, or it is not yours.',
  409: 'Conflicts with the current state; `type` names which conflict.',
  422: 'Well-formed but breaks a rule; `type` names which.',
  429: 'Rate limited; `Retry-After` says when to try again.',
  500: 'Unexpected failure; the body carries only an `errorId` that the server log also carries.',
};

/**
 * Problem responses a route can give beyond the ones `documentProblems` infers (401, 403 for
 * role-restricted routes, 400, 404 for routes with a path id, 500): domain conflicts, rule
 * violations, consent gates, rate limits. The body schema is filled in centrally.
 */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: PROBLEM_DESCRIPTIONS[status] ?? STATUS_CODES[status] }),
    ),
  );

const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details, the one error body of the API.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: '/problems/validation-failed' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      description: 'For validation failures: each bad field.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    errorId: { type: 'string', description: 'On a 500 only: the id of the server log line.' },
  },
  additionalProperties: true,
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** The statuses every operation of this shape can answer, whatever its controller says. */
function inferredProblems(route: RouteAccess | undefined, op: OperationObject): number[] {
  const params = op.parameters ?? [];
  const has = (where: string) => params.some((p) => 'in' in p && p.in === where);
  const statuses = [500];
  if (op.requestBody || params.length > 0) statuses.push(400);
  if (has('path')) statuses.push(404);
  if (route && !route.isPublic) statuses.push(401);
  if (route?.roles) statuses.push(403);
  return statuses;
}

/**
 * Completes the generated document so that every operation documents its problem responses as
 * `application/problem+json` with the Problem schema, non-public operations require the bearer
 * token, and every response has a description. Runs once where the document is created.
 */
export function documentProblems(document: OpenAPIObject, app: INestApplication): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Problem: PROBLEM_SCHEMA };
  const routes = new Map(routeTable(app).map((r) => [`${r.method} ${r.path}`, r]));
  const problem = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const route = routes.get(`${method.toUpperCase()} ${path}`);
      const responses = (op.responses ??= {});
      for (const status of inferredProblems(route, op)) {
        responses[status] ??= { description: PROBLEM_DESCRIPTIONS[status] };
      }
      for (const [status, response] of Object.entries(responses)) {
        const r = response as ResponseObject;
        if (!r.description) r.description = STATUS_CODES[Number(status)] ?? status;
        if (Number(status) >= 400 && !r.content) r.content = problem;
      }
      if (route && !route.isPublic) op.security ??= [{ bearer: [] }];
      if (route?.isPublic) op.security = [];
    }
  }
  return document;
}
