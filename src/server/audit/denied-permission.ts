import type { FastifyRequest } from 'fastify';
import { rolesOf, type Actor } from '../access/actor.js';
import { personDataPermissions, type Permission } from '../access/roles.js';
import type { Db } from '../db/connection.js';
import { writeAudit, type AuditAction, type AuditEntity } from './audit.js';

// A role without a person-data permission that calls a person-data route is answered 403; the
// attempt is audited as denied like any other (data-protection model 6, security review finding 6).

const entityOf: Record<string, AuditEntity> = { enrolment: 'enrolment', consent: 'consent', person: 'person', audit: 'audit_log', survey: 'survey_sending' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actionOf(request: FastifyRequest, hasId: boolean): AuditAction {
  if (request.url.split('?')[0].endsWith('/search')) return 'search';
  switch (request.method) {
    case 'GET':
      return hasId ? 'read' : 'list';
    case 'POST':
      return hasId ? 'update' : 'create';
    case 'DELETE':
      return 'delete';
    default:
      return 'update';
  }
}

export async function auditDeniedPermission(db: Db, request: FastifyRequest, actor: Actor, permission: Permission): Promise<void> {
  if (!personDataPermissions.includes(permission)) return;
  const entity = entityOf[permission.split(':')[0]];
  const raw = (request.params as { id?: unknown } | undefined)?.id;
  const id = typeof raw === 'string' && uuid.test(raw) ? raw : null;
  await writeAudit(
    db,
    { userId: actor.userId, organisationId: actor.organisationId, role: rolesOf(actor)[0] ?? null, requestId: request.id, purpose: permission },
    [
      {
        action: actionOf(request, id !== null),
        entity,
        personId: entity === 'person' ? id : null,
        // The survey routes that open person data are sendings on an enrolment (/enrolments/:id/surveys).
        enrolmentId: entity === 'enrolment' || entity === 'consent' || entity === 'survey_sending' ? id : null,
        outcome: 'denied',
        details: { cause: 'role_lacks_permission' },
      },
    ],
  );
}
