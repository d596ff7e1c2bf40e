import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ForbiddenError } from './domain-error';
import { Actor, AuthenticatedRequest, IS_PUBLIC, Role, ROLES } from './auth.decorators';

const ROLE_VALUES = new Set<string>(Object.values(Role));

/**
 * Whether an access token's version is still its account's: false once the account is erased or
 * its sessions were revoked, or once the login it came from ended (logout, a refresh token
 * replayed). The identity module provides it; common cannot read its tables.
 */
export abstract class TokenVersions {
  /**
   * The account's zone if the token version is current, the account not erased and the login
   * (`loginId`, when the token names one) not ended; else null.
   */
  abstract current(
    accountId: string,
    version: number,
    loginId: string | undefined,
  ): Promise<{ timezone: string } | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Global guard: a route is authenticated unless marked @Public(), and restricted to @Roles() when
 * it says so. Tokens are HS256 only; `alg: none` or any other algorithm is refused by the verifier.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly versions: TokenVersions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.actor = await authenticate(this.jwt, this.versions, request.headers.authorization);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw new ForbiddenError('role-not-allowed', `This action is for: ${roles.join(', ')}.`);
    }
    return true;
  }
}

interface AccessClaims {
  sub?: unknown;
  role?: unknown;
  ver?: unknown;
  sid?: unknown;
  exp?: unknown;
}

/**
 * The caller proven by an `Authorization: Bearer` header (the scheme in any case, RFC 9110), or
 * 401. The token must expire (`exp`) and carry the account's current version (`ver`), read by
 * primary key on every call, and its login (`sid`) must not have ended, checked in the same query,
 * so a revoked session ends at its next request. Also used by the
 * Express middleware that guards what is not a Nest route (the queue dashboard).
 */
export async function authenticate(
  jwt: JwtService,
  versions: TokenVersions,
  header: string | undefined,
): Promise<Actor> {
  const token = /^bearer +([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(header ?? '')?.[1];
  if (!token) throw new UnauthorizedException('A bearer token is required.');
  let actor: Pick<Actor, 'id' | 'role'>;
  let version: number;
  let loginId: string | undefined;
  try {
    const claims = await jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') throw new Error();
    if (!ROLE_VALUES.has(claims.role)) throw new Error();
    if (typeof claims.exp !== 'number' || !Number.isSafeInteger(claims.ver)) throw new Error();
    if (claims.sid !== undefined && (typeof claims.sid !== 'string' || !UUID.test(claims.sid)))
      throw new Error();
    actor = { id: claims.sub, role: claims.role as Role };
    version = claims.ver as number;
    loginId = claims.sid;
  } catch {
    throw new UnauthorizedException('The token is invalid or has expired.');
  }
  const current = await versions.current(actor.id, version, loginId);
  if (!current) throw new UnauthorizedException('The token has been revoked; sign in again.');
  return { ...actor, timezone: current.timezone };
}
