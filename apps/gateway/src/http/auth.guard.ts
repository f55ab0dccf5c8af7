import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { appendAudit, resolveSession, type Caller, type ResolvedSession } from '@bandanh/contracts';
import { ANONYMOUS, DomainError, NatsRpc, safeEqual } from '@bandanh/platform';
import { ROUTE_METADATA, type Access, type RouteDef } from './route';
import { CSRF_HEADER, sessionTokenOf } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function allows(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (caller.kind !== 'staff' && caller.kind !== 'applicant') return false;
  if (access === 'signed-in') return true;
  if (caller.kind === 'applicant') return access.includes('applicant');
  return caller.roles.some((role) => access.includes(role));
}

/**
 * Every route passes here: the session is resolved with the identity service, then the route's
 * access rule, the two-factor enrolment rule and (for cookie sessions) the CSRF token are
 * checked. Each refusal is written to the audit log.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly rpc: NatsRpc,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<RouteDef | undefined>(ROUTE_METADATA, context.getHandler());
    if (!route) throw new Error('Every controller method must be mounted with @Endpoint(route)');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const presented = sessionTokenOf(request);

    let session: ResolvedSession | undefined;
    if (presented) {
      try {
        session = await this.rpc.send(resolveSession, { token: presented.token }, ANONYMOUS);
      } catch (error) {
        if (
          !(error instanceof DomainError && error.code === 'UNAUTHENTICATED') ||
          route.access !== 'public'
        ) {
          if (error instanceof DomainError && error.code === 'UNAUTHENTICATED')
            await this.deny(route, ANONYMOUS, 'session');
          throw error;
        }
      }
    }
    const caller = session?.caller ?? ANONYMOUS;
    request.caller = caller;
    request.session = session;
    request.sessionToken = presented?.token;
    if (route.access === 'public') return true;

    if (!session) {
      await this.deny(route, caller, 'no_session');
      throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    }
    if (session.mfaEnrolmentRequired && !route.duringMfaEnrolment) {
      await this.deny(route, caller, 'mfa_enrolment_required');
      throw new DomainError('FORBIDDEN', 'Set up two-factor authentication first', {
        mfaEnrolmentRequired: true,
      });
    }
    if (presented?.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
        await this.deny(route, caller, 'csrf');
        throw new DomainError(
          'FORBIDDEN',
          `A cookie session must send its CSRF token in the ${CSRF_HEADER} header`,
        );
      }
    }
    if (!allows(route.access, caller)) {
      await this.deny(route, caller, 'role');
      throw new DomainError('FORBIDDEN', 'Your role does not allow this');
    }
    return true;
  }

  private async deny(route: RouteDef, caller: Caller, reason: string): Promise<void> {
    try {
      await this.rpc.send(
        appendAudit,
        {
          action: 'http.denied',
          outcome: 'denied',
          targetType: 'route',
          targetId: `${route.method} ${route.path}`,
          details: { reason, roles: caller.kind === 'staff' ? caller.roles : [], kind: caller.kind },
        },
        caller,
      );
    } catch (error) {
      this.logger.error({ err: error }, 'Could not write a denied request to the audit log');
    }
  }
}
