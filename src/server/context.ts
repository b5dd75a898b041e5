import type { FastifyRequest } from 'fastify';
import type { Actor } from './access/actor.js';
import { roleFor, rolesOf } from './access/actor.js';
import { actorScope, type DataScope } from './access/data-scope.js';
import type { Permission } from './access/roles.js';
import type { AuditActor } from './audit/audit.js';
import type { Db } from './db/connection.js';
import { AppError } from './errors.js';

/** What a service needs to act for a request: who, on which database, and how to audit it. */
export type RequestContext = { actor: Actor; scope: DataScope; db: Db; audit: AuditActor };

/** 'authenticated': a route any logged-in user may call about their own account (POST /auth/password). */
export function contextOf(request: FastifyRequest, permission: Permission | 'authenticated'): RequestContext {
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated', 'Logga in för att fortsätta.');
  return {
    actor,
    scope: actorScope(actor),
    db: request.server.db,
    audit: {
      userId: actor.userId,
      organisationId: actor.organisationId,
      role: permission === 'authenticated' ? (rolesOf(actor)[0] ?? null) : roleFor(actor, permission),
      requestId: request.id,
      // Why the data was accessed, as the client states it; the route's own purpose otherwise.
      purpose: headerValue(request.headers['x-stegvis-purpose']) ?? permission,
      ...(request.server.config.auditDisabledForBenchmark === true && { disabledForBenchmark: true }),
    },
  };
}

const headerValue = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.slice(0, 200) || undefined;
