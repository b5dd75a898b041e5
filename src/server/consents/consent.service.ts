import type { z } from 'zod';
import type { consentInput } from '../../core/schemas/enrolment.js';
import { mayChangeConsent } from '../access/person-rules.js';
import { writeAudit, type AuditAction } from '../audit/audit.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, notFound } from '../errors.js';
import { findVisibleEnrolmentRef, type EnrolmentRef } from '../persons/identity.repository.js';
import type { CaseCategoryCode } from '../db/types.js';
import { addConsentPartyOn, recordConsentOn, removeConsentPartyOn, setPartyCategoriesOn, withdrawConsentOn } from './consent.operations.js';
import { presentConsent } from './consent.presenter.js';

const notController = () =>
  new AppError(
    'forbidden',
    'Bara personal hos den organisation som är personuppgiftsansvarig för inskrivningen kan ändra samtycket. Be dem göra ändringen.',
  );

/**
 * Finds the enrolment through the access rule and lets only the controller's staff change its
 * consent (OSL 12:2). A refusal is audited and committed before it is answered: the failure is
 * returned out of the transaction, not thrown inside it.
 */
async function asController<T>(ctx: RequestContext, enrolmentId: string, action: AuditAction, work: (trx: Db, target: EnrolmentRef) => Promise<T>): Promise<T> {
  const result = await ctx.db.transaction().execute(async (trx): Promise<{ value: T } | { error: AppError }> => {
    const target = await findVisibleEnrolmentRef(trx, ctx.scope, enrolmentId);
    if (!target) {
      await writeAudit(trx, ctx.audit, [{ action, entity: 'consent', enrolmentId, outcome: 'denied' }]);
      return { error: notFound() };
    }
    if (!mayChangeConsent(ctx.actor, target.controller_org_id)) {
      await writeAudit(trx, ctx.audit, [{ action, entity: 'consent', enrolmentId, personId: target.person_id, outcome: 'denied' }]);
      return { error: notController() };
    }
    return { value: await work(trx, target) };
  });
  if ('error' in result) throw result.error;
  return result.value;
}

export async function recordEnrolmentConsent(ctx: RequestContext, enrolmentId: string, input: z.output<typeof consentInput>) {
  const consent = await asController(ctx, enrolmentId, 'create', (trx, target) => recordConsentOn(trx, target, input, ctx.audit));
  return presentConsent(consent);
}

export async function addConsentParty(ctx: RequestContext, enrolmentId: string, organisationId: string, categories?: readonly CaseCategoryCode[]) {
  const consent = await asController(ctx, enrolmentId, 'update', (trx, target) => addConsentPartyOn(trx, target, organisationId, ctx.audit, categories));
  return presentConsent(consent);
}

export async function changePartyCategories(ctx: RequestContext, enrolmentId: string, organisationId: string, categories: readonly CaseCategoryCode[]) {
  const consent = await asController(ctx, enrolmentId, 'update', (trx, target) => setPartyCategoriesOn(trx, target, organisationId, categories, ctx.audit));
  return presentConsent(consent);
}

export async function removeConsentParty(ctx: RequestContext, enrolmentId: string, organisationId: string) {
  const consent = await asController(ctx, enrolmentId, 'update', (trx, target) => removeConsentPartyOn(trx, target, organisationId, ctx.audit));
  return presentConsent(consent);
}

export async function withdrawEnrolmentConsent(ctx: RequestContext, enrolmentId: string, date: string) {
  return asController(ctx, enrolmentId, 'update', (trx, target) => withdrawConsentOn(trx, target, date, ctx.audit));
}
