import type { z } from 'zod';
import { ageAtStart } from '../../core/age.js';
import { parsePersonnummer } from '../../core/personnummer.js';
import type { enrolmentCreate, enrolmentExit, enrolmentUpdate } from '../../core/schemas/enrolment.js';
import { CONSENT_WITHDRAWN, mayRegisterIn } from '../access/enrolment-policy.js';
import { writeAudit } from '../audit/audit.js';
import { checkCodes } from '../code-lists/code-list.repository.js';
import type { RequestContext } from '../context.js';
import type { Db } from '../db/connection.js';
import type { RevisionChange, RevisionValue } from '../db/types.js';
import { swedishToday } from '../persons/today.js';
import { AppError, badRequest, notFound, type FieldError } from '../errors.js';
import {
  consentsOf,
  findVisibleEnrolment,
  insertEnrolment,
  insertRevision,
  listVisibleEnrolments,
  enrolmentsOf,
  otherEnrolmentFrom,
  revisionsOf,
  renameVisiblePerson,
  updateVisibleEnrolment,
  type EnrolmentFilter,
  type EnrolmentRow,
  type NewRevision,
} from './enrolment.repository.js';
import { presentEnrolment, presentSummary } from './enrolment.presenter.js';
import { registerPerson, type PersonCheck } from './registration.js';

type Create = z.output<typeof enrolmentCreate>;
type Update = z.output<typeof enrolmentUpdate>;
type Exit = z.output<typeof enrolmentExit>;

// Reads open no transaction: each statement sees committed data (as READ COMMITTED would inside
// one), and the answer is built only after its audit row is committed, so no access goes
// unrecorded. BEGIN and COMMIT would be two more round trips for nothing to undo.

export async function getEnrolment(ctx: RequestContext, id: string) {
  const row = await findVisibleEnrolment(ctx.db, ctx.scope, id);
  if (!row) {
    await writeAudit(ctx.db, ctx.audit, [{ action: 'read', entity: 'enrolment', enrolmentId: id, outcome: 'denied' }]);
    return null;
  }
  const [consents, revisions] = await Promise.all([consentsOf(ctx.db, row.person_id), revisionsOf(ctx.db, row)]);
  await writeAudit(ctx.db, ctx.audit, [{ action: 'read', entity: 'enrolment', enrolmentId: id, personId: row.person_id }]);
  return presentEnrolment(ctx.actor, row, consents, revisions);
}

export async function listEnrolments(ctx: RequestContext, filter: EnrolmentFilter) {
  const { items, total } = await listVisibleEnrolments(ctx.db, ctx.scope, filter);
  const action = filter.q ? ('search' as const) : ('list' as const);
  await writeAudit(ctx.db, ctx.audit, [
    // A search is recorded even when it finds no one (finding 6); never with what was searched for.
    ...(filter.q ? [{ action, entity: 'enrolment' as const, details: { hits: total } }] : []),
    ...items.map((row) => ({ action, entity: 'enrolment' as const, enrolmentId: row.id, personId: row.person_id })),
  ]);
  return { items: items.map(presentSummary), total, page: filter.page, pageSize: filter.pageSize };
}

/** The intervention to register in, when the scope may register there (access/enrolment-policy.ts). */
async function interventionForCaseWork(db: Db, ctx: RequestContext, interventionId: string, teamId: string | null) {
  const intervention = await db
    .selectFrom('interventions')
    .select(['id', 'owner_org_id', 'follow_up'])
    .where('id', '=', interventionId)
    .executeTakeFirst();
  const team = teamId
    ? await db.selectFrom('teams').select(['id']).where('id', '=', teamId).where('intervention_id', '=', interventionId).executeTakeFirst()
    : null;
  // Out of scope first: whether a team belongs to an intervention is told only to those who may work there.
  if (!intervention || !mayRegisterIn(ctx.scope, interventionId, teamId)) throw notFound();
  if (teamId && !team) throw badRequest('Teamet hör inte till insatsen.', [{ path: 'teamId', message: 'Välj ett team i insatsen' }]);
  return intervention;
}

// Data quality at the door (issue 9, item 2): dates that have not happened yet are refused.
export const startAfterTodayMessage =
  'Startdatum kan inte vara efter i dag. En planerad start är inte en inskrivning: skriv in personen den dag insatsen börjar.';
export const exitAfterTodayMessage = 'Avslutsdatum kan inte vara efter i dag. Registrera avslutet när det har skett.';
const invalid = 'Uppgifterna är ogiltiga. Rätta fälten och försök igen.';

export async function createEnrolment(ctx: RequestContext, input: Create) {
  if (input.startDate > swedishToday()) throw badRequest(invalid, [{ path: 'startDate', message: startAfterTodayMessage }]);
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
    const registered = await registerPerson(trx, ctx.scope, intervention.owner_org_id, person, input.startDate, input.consent, alreadyEnrolled(trx, ctx, intervention.id, input.startDate));
    if (!registered.ok) {
      await writeAudit(trx, ctx.audit, registered.audit);
      return { error: registered.error };
    }
    const personId = registered.personId;
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

/**
 * No second enrolment of a person in one intervention from the same day, and no second open one.
 * The caller learns of one only when the access rule lets them see it. One out of their scope is
 * not there to them (ARCHITECTURE.md, "Duplicate enrolments"), and the near-miss is audited as
 * denied on the hidden enrolment, so the controller's log review sees it: beside a hidden open
 * enrolment the registration goes ahead; one hidden from the same day (the database holds one per
 * person, intervention and day) makes the person unattachable, so a new person is registered, as
 * for a stranger.
 */
function alreadyEnrolled(db: Db, ctx: RequestContext, interventionId: string, startDate: string): PersonCheck {
  return async (person) => {
    if (person.isNew) return { audit: [] };
    const enrolments = await enrolmentsOf(db, ctx.scope, person.id, interventionId);
    const nearMiss = (reason: string) => (enrolmentId: string) => ({
      action: 'create' as const,
      entity: 'enrolment' as const,
      enrolmentId,
      personId: person.id,
      outcome: 'denied' as const,
      details: { reason },
    });
    const sameDay = enrolments.visible.find((e) => e.start_date === startDate);
    const seen = sameDay ?? enrolments.visible.find((e) => e.exit_date === null);
    if (seen) {
      return {
        error: new AppError('conflict', 'Personen är redan inskriven i insatsen.', [
          { path: 'startDate', message: sameDay ? 'Personen är redan inskriven i insatsen med samma startdatum' : `Personen är redan inskriven sedan ${seen.start_date}` },
        ]),
        audit: [{ action: 'read', entity: 'enrolment', enrolmentId: seen.id, personId: person.id, details: { reason: 'already_enrolled' } }],
      };
    }
    const hiddenSameDay = enrolments.hidden.filter((e) => e.start_date === startDate).map((e) => e.id);
    if (hiddenSameDay.length > 0) return { unattachable: true, audit: hiddenSameDay.map(nearMiss('same_day_enrolment_out_of_scope')) };
    return { audit: enrolments.hidden.filter((e) => e.exit_date === null).map((e) => e.id).map(nearMiss('open_enrolment_out_of_scope')) };
  };
}

type Value = RevisionValue;

/** The fields a revision may record: how to read the stored value, and whether to show it. */
const revisionFields: Record<string, { read: (row: EnrolmentRow) => Value; shown: boolean; exit?: true }> = {
  teamId: { read: (r) => r.team_id, shown: true },
  firstName: { read: (r) => r.first_name, shown: false },
  lastName: { read: (r) => r.last_name, shown: false },
  referrerId: { read: (r) => r.referrer_id, shown: true },
  incomeBefore: { read: (r) => r.income_before, shown: true },
  occupationBefore: { read: (r) => r.occupation_before, shown: true },
  occupationBeforeExtent: { read: (r) => r.occupation_before_extent, shown: true },
  education: { read: (r) => r.education, shown: true },
  supportTime: { read: (r) => r.support_time, shown: true },
  targetGroups: { read: (r) => r.target_groups, shown: true },
  notes: { read: (r) => r.notes, shown: false },
  startDate: { read: (r) => r.start_date, shown: true },
  ageAtStart: { read: (r) => r.age_at_start, shown: true },
  exitDate: { read: (r) => r.exit_date, shown: true, exit: true },
  exitReason: { read: (r) => r.exit_reason, shown: true, exit: true },
  exitDetail: { read: (r) => r.exit_detail, shown: false, exit: true },
  exitCompleted: { read: (r) => r.exit_completed, shown: true, exit: true },
  incomeAfter: { read: (r) => r.income_after, shown: true, exit: true },
  occupationAfter: { read: (r) => r.occupation_after, shown: true, exit: true },
  occupationAfterExtent: { read: (r) => r.occupation_after_extent, shown: true, exit: true },
};

const same = (a: Value, b: Value) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What changes, old → new, and the earliest day whose figures it can alter: the exit's dates when
 * only exit facts change, otherwise the start (old or new). Names and free text: only that they changed.
 */
function revisionOf(row: EnrolmentRow, next: Record<string, Value | undefined>, kind: NewRevision['kind'], ctx: RequestContext): NewRevision | null {
  const fields: RevisionChange[] = [];
  for (const [field, value] of Object.entries(next)) {
    const spec = revisionFields[field];
    if (!spec || value === undefined) continue;
    const from = spec.read(row);
    if (same(from, value)) continue;
    fields.push(spec.shown ? { field, from: from ?? null, to: value } : { field });
  }
  if (fields.length === 0) return null;
  const dates = (names: string[]) =>
    fields.filter((f) => names.includes(f.field)).flatMap((f) => [f.from, f.to]).filter((d): d is string => typeof d === 'string');
  const onlyExit = fields.every((f) => revisionFields[f.field]?.exit);
  const candidates = onlyExit ? [...dates(['exitDate']), ...(row.exit_date ? [row.exit_date] : [])] : [row.start_date, ...dates(['startDate'])];
  const affectsFrom = candidates.sort()[0] ?? row.start_date;
  return { kind, changedByUserId: ctx.audit.userId, changedByOrgId: ctx.audit.organisationId, affectsFrom, fields };
}

function ageFor(row: EnrolmentRow, startDate: string): number | null {
  const pnr = row.personnummer ? parsePersonnummer(row.personnummer) : null;
  return ageAtStart(startDate, pnr?.birthDate ?? null, row.birth_year);
}

const exitFieldNames = ['exitDate', 'exitReason', 'exitDetail', 'exitCompleted', 'incomeAfter', 'occupationAfter', 'occupationAfterExtent'] as const;

export async function updateEnrolment(ctx: RequestContext, id: string, input: Update) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.scope, id);
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'enrolment', enrolmentId: id, outcome: 'denied' }]);
      return null;
    }
    const today = swedishToday();
    const startDate = input.startDate ?? row.start_date;
    const exitDate = input.exitDate ?? row.exit_date;
    const exitGiven = exitFieldNames.filter((f) => input[f] !== undefined);
    const errors: FieldError[] = [];
    if (exitGiven.length > 0 && !row.exit_date) {
      for (const f of exitGiven) errors.push({ path: f, message: 'Inskrivningen är inte avslutad. Avsluta den först.' });
    } else if (exitGiven.length > 0 && (row.exit_reason === CONSENT_WITHDRAWN || input.exitReason === CONSENT_WITHDRAWN)) {
      errors.push({ path: 'exitReason', message: 'Ett avslut för återkallat samtycke görs och ändras bara genom att samtycket återkallas.' });
    }
    if (input.startDate !== undefined && input.startDate > today) errors.push({ path: 'startDate', message: startAfterTodayMessage });
    if (input.exitDate !== undefined && input.exitDate > today) errors.push({ path: 'exitDate', message: exitAfterTodayMessage });
    if (errors.length === 0 && exitDate && exitDate < startDate) {
      errors.push(
        input.exitDate !== undefined
          ? { path: 'exitDate', message: 'Avslutsdatum kan inte vara före startdatum' }
          : { path: 'startDate', message: 'Startdatum kan inte vara efter avslutsdatum' },
      );
    }
    errors.push(
      ...(await checkCodes(
        trx,
        [
          { list: 'income_source', codes: input.incomeBefore ?? [], path: 'incomeBefore' },
          { list: 'occupation', codes: [input.occupationBefore], path: 'occupationBefore' },
          { list: 'education', codes: [input.education], path: 'education' },
          { list: 'support_time', codes: [input.supportTime], path: 'supportTime' },
          { list: 'target_group', codes: input.targetGroups ?? [], path: 'targetGroups' },
        ],
        startDate,
      )),
    );
    if (row.exit_date && exitGiven.length > 0) {
      errors.push(
        ...(await checkCodes(
          trx,
          [
            { list: 'exit_reason', codes: [input.exitReason], path: 'exitReason' },
            { list: 'income_source', codes: input.incomeAfter ?? [], path: 'incomeAfter' },
            { list: 'occupation', codes: [input.occupationAfter], path: 'occupationAfter' },
          ],
          exitDate ?? startDate,
        )),
      );
    }
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
    if (errors.length) throw badRequest(invalid, errors);
    if (input.startDate !== undefined && input.startDate !== row.start_date && (await otherEnrolmentFrom(trx, row, input.startDate))) {
      throw new AppError('conflict', 'Personen har redan en inskrivning i insatsen med det startdatumet.', [
        { path: 'startDate', message: 'Personen har redan en inskrivning i insatsen med det startdatumet' },
      ]);
    }
    const ageAtStartNow = input.startDate !== undefined ? ageFor(row, input.startDate) : undefined;
    const { firstName, lastName, ...f } = input;
    const set = {
      ...(f.teamId !== undefined && { team_id: f.teamId }),
      ...(f.referrerId !== undefined && { referrer_org_id: f.referrerId }),
      ...(f.incomeBefore !== undefined && { income_before: f.incomeBefore }),
      ...(f.occupationBefore !== undefined && { occupation_before: f.occupationBefore }),
      ...(f.occupationBeforeExtent !== undefined && { occupation_before_extent: f.occupationBeforeExtent }),
      ...(f.education !== undefined && { education: f.education }),
      ...(f.supportTime !== undefined && { support_time: f.supportTime }),
      ...(f.targetGroups !== undefined && { target_groups: f.targetGroups }),
      ...(f.notes !== undefined && { notes: f.notes }),
      ...(f.startDate !== undefined && { start_date: f.startDate, age_at_start: ageAtStartNow ?? null }),
      ...(f.exitDate !== undefined && { exit_date: f.exitDate }),
      ...(f.exitReason !== undefined && { exit_reason: f.exitReason }),
      ...(f.exitDetail !== undefined && { exit_detail: f.exitDetail }),
      ...(f.exitCompleted !== undefined && { exit_completed: f.exitCompleted }),
      ...(f.incomeAfter !== undefined && { income_after: f.incomeAfter }),
      ...(f.occupationAfter !== undefined && { occupation_after: f.occupationAfter }),
      ...(f.occupationAfterExtent !== undefined && { occupation_after_extent: f.occupationAfterExtent }),
    };
    const revision = revisionOf(row, { ...input, ...(ageAtStartNow !== undefined && { ageAtStart: ageAtStartNow }) }, 'correction', ctx);
    if (Object.keys(set).length > 0) await updateVisibleEnrolment(trx, row, set);
    if (firstName !== undefined || lastName !== undefined) {
      await renameVisiblePerson(trx, row, {
        ...(firstName !== undefined && { first_name: firstName }),
        ...(lastName !== undefined && { last_name: lastName }),
      });
    }
    if (revision) await insertRevision(trx, row, revision);
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
    if (input.exitDate > swedishToday()) errors.push({ path: 'exitDate', message: exitAfterTodayMessage });
    else if (input.exitDate < row.start_date) errors.push({ path: 'exitDate', message: 'Avslutsdatum kan inte vara före startdatum' });
    if (errors.length) throw badRequest(invalid, errors);
    const revision = revisionOf(row, input, 'exit', ctx);
    await updateVisibleEnrolment(trx, row, {
      exit_date: input.exitDate,
      exit_reason: input.exitReason,
      exit_detail: input.exitDetail,
      exit_completed: input.exitCompleted,
      income_after: input.incomeAfter,
      occupation_after: input.occupationAfter,
      occupation_after_extent: input.occupationAfterExtent,
    });
    if (revision) await insertRevision(trx, row, revision);
    await writeAudit(trx, ctx.audit, [{ action: 'exit', entity: 'enrolment', enrolmentId: id, personId: row.person_id }]);
    return { id };
  });
}

/** "Ångra avslut": the exit and the situation after it are cleared; the revision keeps what they were. */
export async function reopenEnrolment(ctx: RequestContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleEnrolment(trx, ctx.scope, id);
    if (!row) {
      await writeAudit(trx, ctx.audit, [{ action: 'update', entity: 'enrolment', enrolmentId: id, outcome: 'denied', details: { change: 'reopen' } }]);
      return null;
    }
    if (!row.exit_date) throw new AppError('conflict', 'Inskrivningen är inte avslutad.');
    if (row.exit_reason === CONSENT_WITHDRAWN) {
      throw new AppError('conflict', 'Avslutet kom av att samtycket återkallades och kan inte ångras. Skriv in personen på nytt med ett nytt samtycke.');
    }
    const open = (await enrolmentsOf(trx, ctx.scope, row.person_id, row.intervention_id)).visible.find((e) => e.exit_date === null);
    if (open) {
      throw new AppError('conflict', 'Personen är redan inskriven i insatsen.', [
        { path: 'startDate', message: `Personen är redan inskriven sedan ${open.start_date}` },
      ]);
    }
    const cleared = { exitDate: null, exitReason: null, exitDetail: null, exitCompleted: null, incomeAfter: [], occupationAfter: null, occupationAfterExtent: null };
    const revision = revisionOf(row, cleared, 'reopen', ctx);
    await updateVisibleEnrolment(trx, row, {
      exit_date: null,
      exit_reason: null,
      exit_detail: null,
      exit_completed: null,
      income_after: [],
      occupation_after: null,
      occupation_after_extent: null,
    });
    if (revision) await insertRevision(trx, row, revision);
    await writeAudit(trx, ctx.audit, [
      { action: 'update', entity: 'enrolment', enrolmentId: id, personId: row.person_id, details: { change: 'reopen' } },
    ]);
    return { id };
  });
}
