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
import { consentsOf, findVisibleEnrolment, listVisibleEnrolments, type EnrolmentFilter } from './enrolment.repository.js';
import { presentEnrolment, presentSummary } from './enrolment.presenter.js';

type Create = z.output<typeof enrolmentCreate>;
type Update = z.output<typeof enrolmentUpdate>;
type Exit = z.output<typeof enrolmentExit>;

export async function getEnrolment(ctx: RequestContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.actor, id);
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'read', entity: 'enrolment', enrolmentId: id, outcome: 'denied' }]);
      return null;
    }
    const consents = await consentsOf(trx, row.person_id);
    await writeAudit(trx, ctx.audit, [{ action: 'read', entity: 'enrolment', enrolmentId: id, personId: row.person_id }]);
    return presentEnrolment(row, consents);
  });
}

export async function listEnrolments(ctx: RequestContext, filter: EnrolmentFilter) {
  return ctx.db.transaction().execute(async (trx) => {
    const { items, total } = await listVisibleEnrolments(trx, ctx.actor, filter);
    const action = filter.q ? ('search' as const) : ('list' as const);
    await writeAudit(
      trx,
      ctx.audit,
      items.map((row) => ({ action, entity: 'enrolment' as const, enrolmentId: row.id, personId: row.person_id })),
    );
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
  return ctx.db.transaction().execute(async (trx) => {
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
    const personId = await findOrCreatePerson(trx, intervention.owner_org_id, {
      personnummer: pnr?.normalized ?? null,
      participantRef: input.person.participantRef,
      firstName: input.person.firstName,
      lastName: input.person.lastName,
      gender: input.gender,
      birthYear,
    });
    const duplicate = await trx
      .selectFrom('enrolments')
      .select('id')
      .where('person_id', '=', personId)
      .where('intervention_id', '=', intervention.id)
      .where('start_date', '=', input.startDate)
      .executeTakeFirst();
    if (duplicate) throw new AppError('conflict', 'Personen är redan inskriven i insatsen med samma startdatum.');
    const enrolment = await trx
      .insertInto('enrolments')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordConsent(trx, personId, intervention.owner_org_id, input.consent);
    await writeAudit(trx, ctx.audit, [
      { action: 'create', entity: 'enrolment', enrolmentId: enrolment.id, personId },
      { action: 'create', entity: 'consent', personId },
    ]);
    return { kind: 'enrolment' as const, id: enrolment.id };
  });
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

type PersonInput = {
  personnummer: string | null;
  participantRef: string | null;
  firstName: string | null;
  lastName: string | null;
  gender: string;
  birthYear: number | null;
};

/** A person is matched within one controller only: controllers never share person records. */
export async function findOrCreatePerson(db: Db, controllerId: string, person: PersonInput): Promise<string> {
  const existing = await db
    .selectFrom('persons')
    .select('id')
    .where('controller_org_id', '=', controllerId)
    .where((eb) =>
      eb.or([
        ...(person.personnummer ? [eb('personnummer', '=', person.personnummer)] : []),
        ...(person.participantRef ? [eb('participant_ref', '=', person.participantRef)] : []),
      ]),
    )
    .executeTakeFirst();
  if (existing) return existing.id;
  const created = await db
    .insertInto('persons')
    .values({
      controller_org_id: controllerId,
      personnummer: person.personnummer,
      participant_ref: person.participantRef,
      first_name: person.firstName,
      last_name: person.lastName,
      gender: person.gender,
      birth_year: person.birthYear,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

/** OSL 12:2: the consent always covers the controller, plus the parties the person named. */
export async function recordConsent(
  db: Db,
  personId: string,
  controllerId: string,
  consent: { givenDate: string; method: 'written' | 'oral_documented'; documentRef: string | null; partyIds: string[] },
) {
  const row = await db
    .insertInto('consents')
    .values({
      person_id: personId,
      controller_org_id: controllerId,
      given_date: consent.givenDate,
      method: consent.method,
      document_ref: consent.documentRef,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const parties = [...new Set([controllerId, ...consent.partyIds])];
  await db
    .insertInto('consent_parties')
    .values(parties.map((organisation_id) => ({ consent_id: row.id, organisation_id })))
    .execute();
  return row.id;
}

export async function updateEnrolment(ctx: RequestContext, id: string, input: Update) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.actor, id);
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
    await trx.updateTable('enrolments').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
    if (firstName !== undefined || lastName !== undefined) {
      await trx
        .updateTable('persons')
        .set({
          ...(firstName !== undefined && { first_name: firstName }),
          ...(lastName !== undefined && { last_name: lastName }),
          updated_at: new Date(),
        })
        .where('id', '=', row.person_id)
        .execute();
    }
    await writeAudit(trx, ctx.audit, [
      { action: 'update', entity: 'enrolment', enrolmentId: id, personId: row.person_id, details: { fields: Object.keys(input) } },
    ]);
    return { id };
  });
}

export async function exitEnrolment(ctx: RequestContext, id: string, input: Exit) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.actor, id);
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
    await trx
      .updateTable('enrolments')
      .set({
        exit_date: input.exitDate,
        exit_reason: input.exitReason,
        exit_detail: input.exitDetail,
        income_after: input.incomeAfter,
        occupation_after: input.occupationAfter,
        occupation_after_extent: input.occupationAfterExtent,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.audit, [{ action: 'exit', entity: 'enrolment', enrolmentId: id, personId: row.person_id }]);
    return { id };
  });
}
