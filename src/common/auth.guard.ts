import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ForbiddenError } from './domain-error';
import { Actor, AuthenticatedRequest, IS_PUBLIC, Role, ROLES } from './auth.decorators';

const ROLE_VALUES = new Set<string>(Object.values(Role));

/**
 * Global guard: a route is authenticated unless marked @Public(), and restricted to @Roles() when
 * it says so. Tokens are HS256 only; `alg: none` or any other algorithm is refused by the verifier.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.actor = await authenticate(this.jwt, request.headers.authorization);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw new ForbiddenError('role-not-allowed', `This action is for: ${roles.join(', ')}.`);
    }
    return true;
  }
}

/**
 * The caller proven by an `Authorization: Bearer` header, or 401. Also used by the Express
 * middleware that guards what is not a Nest route (the queue dashboard).
 */
export async function authenticate(jwt: JwtService, header: string | undefined): Promise<Actor> {
  const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? '')?.[1];
  if (!token) throw new UnauthorizedException('A bearer token is required.');
  try {
    const claims = await jwt.verifyAsync<{ sub?: unknown; role?: unknown }>(token, {
      algorithms: ['HS256'],
    });
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') throw new Error();
    if (!ROLE_VALUES.has(claims.role)) throw new Error();
    return { id: claims.sub, role: claims.role as Role };
  } catch {
    throw new UnauthorizedException('The token is invalid or has expired.');
  }
}
