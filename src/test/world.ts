import type { Db } from '../server/db/connection.js';
import { hashPassword } from '../server/auth/password.js';
import type { Role } from '../server/access/roles.js';

export const testPassword = 'rätt-hemligt-lösenord';

export type World = Awaited<ReturnType<typeof seedWorld>>;

/**
 * A förbund with four parties and two interventions: KOMMUNINSATS owned by the municipality
 * (with teams A and B) and AF-INSATS owned by Arbetsförmedlingen. One user per role, plus case
 * workers of each party, so tests can cross organisation borders.
 */
export async function seedWorld(db: Db) {
  const org = async (code: string, kind: string) =>
    (await db.insertInto('organisations').values({ code, name: `Org ${code}`, kind }).returning('id').executeTakeFirstOrThrow()).id;
  const forbund = await org('FORBUND', 'association');
  const kommun = await org('KOMMUN', 'municipality');
  const af = await org('AF', 'employment_service');
  const fk = await org('FK', 'social_insurance');
  const other = await org('ANNAT', 'association');
  await db
    .insertInto('association_members')
    .values([kommun, af, fk].map((organisation_id) => ({ association_id: forbund, organisation_id })))
    .execute();
  const intervention = async (code: string, owner: string, association: string | null) =>
    (
      await db
        .insertInto('interventions')
        .values({ code, name: `Insats ${code}`, owner_org_id: owner, association_id: association, start_date: '2020-01-01', orientation: 'individual', follow_up: 'individual', places: 50, volume_target: 100 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const kommunInsats = await intervention('KOMMUNINSATS', kommun, forbund);
  const afInsats = await intervention('AF-INSATS', af, forbund);
  const annatInsats = await intervention('ANNAT-INSATS', other, other);
  const team = async (interventionId: string, name: string) =>
    (await db.insertInto('teams').values({ intervention_id: interventionId, name }).returning('id').executeTakeFirstOrThrow()).id;
  const teamA = await team(kommunInsats, 'Team A');
  const teamB = await team(kommunInsats, 'Team B');

  const passwordHash = await hashPassword(testPassword);
  const user = async (email: string, organisationId: string, assignments: { role: Role; interventionId?: string; teamId?: string; associationId?: string }[]) => {
    const id = (
      await db.insertInto('users').values({ email, display_name: email.split('@')[0], organisation_id: organisationId, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow()
    ).id;
    for (const a of assignments) {
      await db
        .insertInto('assignments')
        .values({ user_id: id, role: a.role, intervention_id: a.interventionId ?? null, team_id: a.teamId ?? null, association_id: a.associationId ?? null })
        .execute();
    }
    return { id, email };
  };
  const users = {
    kommunWorker: await user('handlaggare@kommun.test', kommun, [{ role: 'case_worker', interventionId: kommunInsats }]),
    teamBWorker: await user('teamb@kommun.test', kommun, [{ role: 'case_worker', teamId: teamB }]),
    afWorker: await user('handlaggare@af.test', af, [{ role: 'case_worker', interventionId: kommunInsats }, { role: 'case_worker', interventionId: afInsats }]),
    fkWorker: await user('handlaggare@fk.test', fk, [{ role: 'case_worker', interventionId: kommunInsats }]),
    lead: await user('ledare@kommun.test', kommun, [{ role: 'intervention_lead', interventionId: kommunInsats }]),
    associationAdmin: await user('forbund@forbund.test', forbund, [{ role: 'association_admin', associationId: forbund }]),
    reportReader: await user('styrelse@forbund.test', forbund, [{ role: 'report_reader', associationId: forbund }]),
    orgAdmin: await user('admin@kommun.test', kommun, [{ role: 'org_admin' }]),
    logReviewer: await user('logg@kommun.test', kommun, [{ role: 'log_reviewer' }]),
    systemAdmin: await user('system@forbund.test', forbund, [{ role: 'system_admin' }]),
    // Added for organisation, intervention and user tests: an admin of another party, and a user with no role.
    afOrgAdmin: await user('admin@af.test', af, [{ role: 'org_admin' }]),
    noRole: await user('utan-roll@kommun.test', kommun, []),
  };
  return {
    orgs: { forbund, kommun, af, fk, other },
    interventions: { kommunInsats, afInsats, annatInsats },
    teams: { teamA, teamB },
    users,
  };
}

/**
 * Added for the data-protection tests: a person with enrolments and an optional consent, written
 * straight to the database so dates in the past (and `updated_at`) can be set as a test needs.
 */
export async function addParticipant(
  db: Db,
  p: {
    controllerId: string;
    personnummer?: string | null;
    participantRef?: string | null;
    firstName?: string | null;
    lastName?: string | null;
    gender?: 'woman' | 'man' | 'other';
    birthYear?: number | null;
    enrolments: {
      interventionId: string;
      start: string;
      exit?: string;
      reason?: string;
      ageAtStart?: number;
      notes?: string;
      exitDetail?: string;
      updatedAt?: string;
    }[];
    consent?: { givenDate: string; partyIds: string[]; documentRef?: string } | null;
  },
) {
  const gender = p.gender ?? 'woman';
  const { id: personId } = await db
    .insertInto('persons')
    .values({
      controller_org_id: p.controllerId,
      personnummer: p.personnummer ?? null,
      participant_ref: p.participantRef ?? null,
      first_name: p.firstName ?? null,
      last_name: p.lastName ?? null,
      gender,
      birth_year: p.birthYear ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const enrolmentIds: string[] = [];
  for (const e of p.enrolments) {
    const { id } = await db
      .insertInto('enrolments')
      .values({
        person_id: personId,
        intervention_id: e.interventionId,
        controller_org_id: p.controllerId,
        gender,
        age_at_start: e.ageAtStart ?? 35,
        start_date: e.start,
        exit_date: e.exit ?? null,
        exit_reason: e.exit ? (e.reason ?? 'work') : null,
        exit_detail: e.exitDetail ?? null,
        notes: e.notes ?? null,
        income_before: ['social_assistance'],
        ...(e.updatedAt && { created_at: new Date(e.updatedAt), updated_at: new Date(e.updatedAt) }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    enrolmentIds.push(id);
  }
  let consentId: string | null = null;
  if (p.consent) {
    consentId = (
      await db
        .insertInto('consents')
        .values({ person_id: personId, controller_org_id: p.controllerId, given_date: p.consent.givenDate, method: 'written', document_ref: p.consent.documentRef ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const parties = [...new Set([p.controllerId, ...p.consent.partyIds])];
    await db.insertInto('consent_parties').values(parties.map((organisation_id) => ({ consent_id: consentId!, organisation_id }))).execute();
  }
  const last = p.enrolments.map((e) => e.updatedAt).filter(Boolean).sort().at(-1);
  if (last) await db.updateTable('persons').set({ created_at: new Date(last), updated_at: new Date(last) }).where('id', '=', personId).execute();
  return { personId, enrolmentIds, consentId };
}
