import type { z } from 'zod';
import { ageAtStart } from '../../core/age.js';
import { parsePersonnummer } from '../../core/personnummer.js';
import type { enrolmentCreate, enrolmentExit, enrolmentUpdate } from '../../core/schemas/enrolment.js';
import { caseWorkInterventionIds } from '../access/scope.js';
import { writeAudit } from '../audit/audit.js';
import { checkCodes } from '../code-lists/code-list.repository.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { AppError, badRequest, notFound, type FieldError } from '../errors.js';
import {
  consentsOf,
  enrolledFrom,
  findVisibleEnrolment,
  insertEnrolment,
  listVisibleEnrolments,
  renameVisiblePerson,
  updateVisibleEnrolment,
  type EnrolmentFilter,
} from './enrolment.repository.js';
import { presentEnrolment, presentSummary } from './enrolment.presenter.js';
import { registerPerson } from './registration.js';

type Create = z.output<typeof enrolmentCreate>;
type Update = z.output<typeof enrolmentUpdate>;
type Exit = z.output<typeof enrolmentExit>;

export async function getEnrolment(ctx: RequestContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.scope, id);
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'read', entity: 'enrolment', enrolmentId: id, outcome: 'denied' }]);
      return null;
    }
    const consents = await consentsOf(trx, row.person_id);
    await writeAudit(trx, ctx.audit, [{ action: 'read', entity: 'enrolment', enrolmentId: id, personId: row.person_id }]);
    return presentEnrolment(ctx.actor, row, consents);
  });
}

export async function listEnrolments(ctx: RequestContext, filter: EnrolmentFilter) {
  return ctx.db.transaction().execute(async (trx) => {
    const { items, total } = await listVisibleEnrolments(trx, ctx.scope, filter);
    const action = filter.q ? ('search' as const) : ('list' as const);
    await writeAudit(trx, ctx.audit, [
      // A search is recorded even when it finds no one (finding 6); never with what was searched for.
      ...(filter.q ? [{ action, entity: 'enrolment' as const, details: { hits: total } }] : []),
      ...items.map((row) => ({ action, entity: 'enrolment' as const, enrolmentId: row.id, personId: row.person_id })),
    ]);
    return { items: items.map(presentSummary), total, page: filter.page, pageSize: filter.pageSize };
  });
}

/** The intervention the actor may register people in (case_worker on it or on the given team). */
async function interventionForCaseWork(db: Db, ctx: RequestContext, interventionId: string, teamId: string | null) {
  const { interventionIds, teamIds } = caseWorkInterventionIds(ctx.actor);
  const intervention = await db
    .selectFrom('interventions')
    .select(['id', 'owner_org_id', 'follow_up'])
    .where('id', '=', interventionId)
    .executeTakeFirst();
  const team = teamId
    ? await db.selectFrom('teams').select(['id']).where('id', '=', teamId).where('intervention_id', '=', interventionId).executeTakeFirst()
    : null;
  if (!intervention) throw notFound();
  if (teamId && !team) throw badRequest('Teamet hör inte till insatsen.', [{ path: 'teamId', message: 'Välj ett team i insatsen' }]);
  const allowed = interventionIds.includes(interventionId) || (teamId !== null && teamIds.includes(teamId));
  if (!allowed) throw notFound();
  return intervention;
}

export async function createEnrolment(ctx: RequestContext, input: Create) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const intervention = await interventionForCaseWork(trx, ctx, input.interventionId, input.teamId);
    if (input.mode !== 'consent') {
      // No consent, or protected identity: only a head count is stored, never who it was.
      const registration = await trx
        .insertInto('anonymous_registrations')
        .values({
          intervention_id: intervention.id,
          team_id: input.teamId,
          controller_org_id: intervention.owner_org_id,
          year: Number(input.startDate.slice(0, 4)),
          gender: input.gender,
          birth_year: input.birthYear,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx.audit, [
        { action: 'create', entity: 'anonymous_registration', details: { protected: input.mode === 'protected' } },
      ]);
      return { kind: 'anonymous' as const, id: registration.id };
    }
    if (intervention.follow_up === 'count_only') {
      throw badRequest('Insatsen följs upp med antal. Registrera deltagaren anonymt.', [
        { path: 'mode', message: 'Välj anonym registrering' },
      ]);
    }
    await validateIntake(trx, input, input.startDate);
    const pnr = input.person.personnummer ? parsePersonnummer(input.person.personnummer) : null;
    const birthYear = pnr ? Number(pnr.birthDate.slice(0, 4)) : input.birthYear;
    const person = {
      personnummer: pnr?.normalized ?? null,
      participantRef: input.person.participantRef,
      firstName: input.person.firstName,
      lastName: input.person.lastName,
      gender: input.gender,
      birthYear,
    };
    const registered = await registerPerson(trx, ctx.scope, intervention.owner_org_id, person, input.startDate, input.consent);
    if (!registered.ok) {
      await writeAudit(trx, ctx.audit, registered.audit);
      return { error: registered.error };
    }
    const personId = registered.personId;
    if (await enrolledFrom(trx, personId, intervention.id, input.startDate)) {
      throw new AppError('conflict', 'Personen är redan inskriven i insatsen med samma startdatum.');
    }
    const enrolmentId = await insertEnrolment(trx, {
      person_id: personId,
      intervention_id: intervention.id,
      team_id: input.teamId,
      controller_org_id: intervention.owner_org_id,
      gender: input.gender,
      age_at_start: ageAtStart(input.startDate, pnr?.birthDate ?? null, birthYear),
      start_date: input.startDate,
      referrer_org_id: input.referrerId,
      income_before: input.incomeBefore,
      occupation_before: input.occupationBefore,
      occupation_before_extent: input.occupationBeforeExtent,
      education: input.education,
      support_time: input.supportTime,
      target_groups: input.targetGroups,
    });
    await writeAudit(trx, ctx.audit, [
      ...registered.audit,
      { action: 'create', entity: 'enrolment', enrolmentId, personId },
      ...registered.consentAudit(enrolmentId),
    ]);
    return { kind: 'enrolment' as const, id: enrolmentId };
  });
  // A refusal is audited and committed before it is answered.
  if ('error' in result) throw result.error;
  return result;
}

async function validateIntake(db: Db, input: Create & { mode: 'consent' }, onDate: string) {
  const errors: FieldError[] = await checkCodes(
    db,
    [
      { list: 'income_source', codes: input.incomeBefore, path: 'incomeBefore' },
      { list: 'occupation', codes: [input.occupationBefore], path: 'occupationBefore' },
      { list: 'education', codes: [input.education], path: 'education' },
      { list: 'support_time', codes: [input.supportTime], path: 'supportTime' },
      { list: 'target_group', codes: input.targetGroups, path: 'targetGroups' },
    ],
    onDate,
  );
  const orgIds = [...new Set([...(input.referrerId ? [input.referrerId] : []), ...input.consent.partyIds])];
  const found = orgIds.length
    ? await db.selectFrom('organisations').select('id').where('id', 'in', orgIds).execute()
    : [];
  const known = new Set(found.map((o) => o.id));
  if (input.referrerId && !known.has(input.referrerId)) errors.push({ path: 'referrerId', message: 'Okänd organisation' });
  if (input.consent.partyIds.some((id) => !known.has(id))) {
    errors.push({ path: 'consent.partyIds', message: 'Samtycket nämner en okänd organisation' });
  }
  if (errors.length) throw badRequest('Uppgifterna är ogiltiga. Rätta fälten och försök igen.', errors);
}

export async function updateEnrolment(ctx: RequestContext, id: string, input: Update) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.scope, id);
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'enrolment', enrolmentId: id, outcome: 'denied' }]);
      return null;
    }
    const errors = await checkCodes(
      trx,
      [
        { list: 'income_source', codes: input.incomeBefore ?? [], path: 'incomeBefore' },
        { list: 'occupation', codes: [input.occupationBefore], path: 'occupationBefore' },
        { list: 'education', codes: [input.education], path: 'education' },
        { list: 'support_time', codes: [input.supportTime], path: 'supportTime' },
        { list: 'target_group', codes: input.targetGroups ?? [], path: 'targetGroups' },
      ],
      row.start_date,
    );
    if (input.teamId) {
      const team = await trx.selectFrom('teams').select('id').where('id', '=', input.teamId).where('intervention_id', '=', row.intervention_id).executeTakeFirst();
      if (!team) errors.push({ path: 'teamId', message: 'Välj ett team i insatsen' });
    }
    if (input.referrerId) {
      const org = await trx.selectFrom('organisations').select('id').where('id', '=', input.referrerId).executeTakeFirst();
      if (!org) errors.push({ path: 'referrerId', message: 'Okänd organisation' });
    }
    if ((input.firstName || input.lastName) && row.identity_removed_at) {
      errors.push({ path: 'firstName', message: 'Identiteten är borttagen och kan inte lagras igen' });
    }
    if (errors.length) throw badRequest('Uppgifterna är ogiltiga. Rätta fälten och försök igen.', errors);
    const { firstName, lastName, ...enrolmentFields } = input;
    const set = {
      ...(enrolmentFields.teamId !== undefined && { team_id: enrolmentFields.teamId }),
      ...(enrolmentFields.referrerId !== undefined && { referrer_org_id: enrolmentFields.referrerId }),
      ...(enrolmentFields.incomeBefore !== undefined && { income_before: enrolmentFields.incomeBefore }),
      ...(enrolmentFields.occupationBefore !== undefined && { occupation_before: enrolmentFields.occupationBefore }),
      ...(enrolmentFields.occupationBeforeExtent !== undefined && { occupation_before_extent: enrolmentFields.occupationBeforeExtent }),
      ...(enrolmentFields.education !== undefined && { education: enrolmentFields.education }),
      ...(enrolmentFields.supportTime !== undefined && { support_time: enrolmentFields.supportTime }),
      ...(enrolmentFields.targetGroups !== undefined && { target_groups: enrolmentFields.targetGroups }),
      ...(enrolmentFields.notes !== undefined && { notes: enrolmentFields.notes }),
    };
    await updateVisibleEnrolment(trx, row, set);
    if (firstName !== undefined || lastName !== undefined) {
      await renameVisiblePerson(trx, row, {
        ...(firstName !== undefined && { first_name: firstName }),
        ...(lastName !== undefined && { last_name: lastName }),
      });
    }
    await writeAudit(trx, ctx.audit, [
      { action: 'update', entity: 'enrolment', enrolmentId: id, personId: row.person_id, details: { fields: Object.keys(input) } },
    ]);
    return { id };
  });
}

export async function exitEnrolment(ctx: RequestContext, id: string, input: Exit) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.scope, id);
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'exit', entity: 'enrolment', enrolmentId: id, outcome: 'denied' }]);
      return null;
    }
    if (row.exit_date) throw new AppError('conflict', 'Inskrivningen är redan avslutad.');
    const errors = await checkCodes(
      trx,
      [
        { list: 'exit_reason', codes: [input.exitReason], path: 'exitReason' },
        { list: 'income_source', codes: input.incomeAfter, path: 'incomeAfter' },
        { list: 'occupation', codes: [input.occupationAfter], path: 'occupationAfter' },
      ],
      input.exitDate,
    );
    if (input.exitDate < row.start_date) errors.push({ path: 'exitDate', message: 'Avslutsdatum kan inte vara före startdatum' });
    if (errors.length) throw badRequest('Uppgifterna är ogiltiga. Rätta fälten och försök igen.', errors);
    await updateVisibleEnrolment(trx, row, {
      exit_date: input.exitDate,
      exit_reason: input.exitReason,
      exit_detail: input.exitDetail,
      income_after: input.incomeAfter,
      occupation_after: input.occupationAfter,
      occupation_after_extent: input.occupationAfterExtent,
    });
    await writeAudit(trx, ctx.audit, [{ action: 'exit', entity: 'enrolment', enrolmentId: id, personId: row.person_id }]);
    return { id };
  });
}
