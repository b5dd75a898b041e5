// Demo data for a fresh installation: the generator's files go through the real CSV import (so the
// demo shows what an import produces), then consents shared with other parties and one login per
// role. All in one transaction: a failed seed leaves an empty database that seeds again next start.
import { sql } from 'kysely';
import type { Role } from '../access/roles.js';
import { systemAuditActor, writeAudit } from '../audit/audit.js';
import { systemScope } from '../access/data-scope.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { seedActivities } from './demo-activities.js';
import { seedCaseRecords } from './demo-case.js';
import type { Db } from '../db/connection.js';
import { importEnrolments, importInterventions, importOrganisations, type ImportResult } from '../import/import.service.js';
import {
  DEMO_ASSOCIATION, ENROLMENT_HEADERS, generateDemoData, INTERVENTION_HEADERS, ORGANISATION_HEADERS, toCsv,
} from './generate.js';

export type DemoLogin = { role: Role; email: string; password: string };

type DemoUser = DemoLogin & {
  name: string;
  organisation: string;
  interventions?: string[];
  association?: string;
};

const MUNICIPALITY_INTERVENTIONS = ['AVANTI', 'AKTIVITETSCENTER', 'KRAFTEN'];

// Demo passwords are printed at start-up and only ever used on demo data.
const USERS: DemoUser[] = [
  { role: 'system_admin', email: 'systemadmin@demo.stegvis.se', password: 'systemadmin-demo-1', name: 'Sara Systemsson', organisation: 'DEMOSTAD' },
  { role: 'org_admin', email: 'orgadmin@demo.stegvis.se', password: 'orgadmin-demo-1', name: 'Olof Admin', organisation: 'DEMOSTAD' },
  { role: 'log_reviewer', email: 'loggranskare@demo.stegvis.se', password: 'loggranskare-demo-1', name: 'Lena Loggsson', organisation: 'DEMOSTAD' },
  { role: 'case_worker', email: 'handlaggare@demo.stegvis.se', password: 'handlaggare-demo-1', name: 'Hanna Handläggare', organisation: 'DEMOSTAD', interventions: MUNICIPALITY_INTERVENTIONS },
  { role: 'case_worker', email: 'handlaggare.af@demo.stegvis.se', password: 'handlaggare-af-demo-1', name: 'Ali Förmedlare', organisation: 'AF', interventions: ['AMT', 'KRAFTEN'] },
  { role: 'intervention_lead', email: 'insatsansvarig@demo.stegvis.se', password: 'insatsansvarig-demo-1', name: 'Ingrid Insatsansvarig', organisation: 'DEMOSTAD', interventions: MUNICIPALITY_INTERVENTIONS },
  { role: 'association_admin', email: 'forbund@demo.stegvis.se', password: 'forbundet-demo-1', name: 'Frida Förbund', organisation: DEMO_ASSOCIATION, association: DEMO_ASSOCIATION },
  { role: 'report_reader', email: 'styrelse@demo.stegvis.se', password: 'styrelsen-demo-1', name: 'Stig Styrelse', organisation: DEMO_ASSOCIATION, association: DEMO_ASSOCIATION },
];

/** The logins as printed at start-up and by `stegvis demo`. */
export function formatLogins(logins: DemoLogin[], heading = 'Demodata är inläst. Inloggningar (en per roll):'): string {
  const lines = logins.map((login) => `  ${login.role.padEnd(18)} ${login.email.padEnd(32)} ${login.password}`);
  return ['', heading, ...lines, ''].join('\n');
}

/**
 * The demo logins that still work on a database holding the demo data, printed on every start.
 * The demo passwords are fixed in this file (public, demo only), so nothing is stored to print
 * them again: a demo user is shown only while it is active and its stored argon2id hash still
 * verifies against the demo password, so a password someone changed is never shown (nor guessed).
 */
export async function demoLoginsInDatabase(db: Db): Promise<DemoLogin[]> {
  const rows = await db
    .selectFrom('users')
    .select(['email', 'password_hash'])
    .where('email', 'in', USERS.map((user) => user.email))
    .where('active', '=', true)
    .execute();
  const hashes = new Map(rows.map((row) => [row.email, row.password_hash]));
  const valid = await Promise.all(USERS.map((user) => hashes.has(user.email) && verifyPassword(hashes.get(user.email)!, user.password)));
  return USERS.filter((_, i) => valid[i]).map(({ role, email, password }) => ({ role, email, password }));
}

/** Loads the demo only into a database without organisations; null when there was data. */
export async function seedDemoIfEmpty(db: Db): Promise<DemoLogin[] | null> {
  const any = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return any ? null : loadDemo(db);
}

export async function loadDemo(db: Db): Promise<DemoLogin[]> {
  const data = generateDemoData();
  const hashes = await Promise.all(USERS.map((user) => hashPassword(user.password)));
  return db.transaction().execute(async (trx) => {
    const opts = { dryRun: false, scope: systemScope('demo_data'), audit: systemAuditActor('demo') };
    expectImported('organisations', await importOrganisations(trx, toCsv(data.organisations, ORGANISATION_HEADERS), opts));
    expectImported('interventions', await importInterventions(trx, toCsv(data.interventions, INTERVENTION_HEADERS), opts));
    // Teams first, so every team exists even when no generated row names it.
    await createTeams(trx, data.teams);
    expectImported('enrolments', await importEnrolments(trx, toCsv(data.enrolments, ENROLMENT_HEADERS), opts));
    await shareKraftenConsents(trx);
    await createUsers(trx, hashes);
    await seedCaseRecords(trx);
    await seedActivities(trx);
    return USERS.map(({ role, email, password }) => ({ role, email, password }));
  });
}

function expectImported(kind: string, result: ImportResult): void {
  if (result.ok) return;
  const first = result.errors.slice(0, 3).map((e) => `rad ${e.row}, kolumn ${e.column}: ${e.reason}`);
  throw new Error(`Demodata (${kind}) kunde inte importeras: ${result.errors.length} fel. ${first.join('; ')}`);
}

async function createTeams(db: Db, teams: { intervention: string; name: string }[]): Promise<void> {
  const ids = await interventionIds(db);
  if (teams.length === 0) return;
  await db
    .insertInto('teams')
    .values(teams.map((team) => ({ intervention_id: ids.get(team.intervention)!, name: team.name })))
    .onConflict((oc) => oc.columns(['intervention_id', 'name']).doNothing())
    .execute();
}

/**
 * Demokraften is multi-agency: participants referred by AF or FK add those parties to their
 * consent (OSL 12:2), so the AF case worker sees them and cross-party sharing shows in the demo.
 */
async function shareKraftenConsents(db: Db): Promise<void> {
  const shared = await sql<{ consent_id: string; person_id: string }>`
    select distinct c.id as consent_id, c.person_id
    from consents c
    join enrolments e on e.person_id = c.person_id
    join interventions i on i.id = e.intervention_id and i.code = 'KRAFTEN'
    join organisations r on r.id = e.referrer_org_id and r.code in ('AF', 'FK')
    where c.withdrawn_at is null`.execute(db);
  // The consent already covers the municipality, the controller.
  const parties = await db.selectFrom('organisations').select('id').where('code', 'in', ['AF', 'FK']).execute();
  const added = shared.rows.flatMap((row) => parties.map((party) => ({ ...row, organisation_id: party.id })));
  if (added.length === 0) return;
  await db
    .insertInto('consent_parties')
    .values(added.map((a) => ({ consent_id: a.consent_id, organisation_id: a.organisation_id })))
    .execute();
  // As consent.operations records an added party.
  await writeAudit(
    db,
    systemAuditActor('demo'),
    added.map((a) => ({
      action: 'update' as const,
      entity: 'consent' as const,
      personId: a.person_id,
      details: { consentId: a.consent_id, change: 'add_party', organisationId: a.organisation_id },
    })),
  );
}

async function createUsers(db: Db, hashes: string[]): Promise<void> {
  const organisations = new Map((await db.selectFrom('organisations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const interventions = await interventionIds(db);
  for (const [index, user] of USERS.entries()) {
    const { id } = await db
      .insertInto('users')
      .values({ email: user.email, display_name: user.name, organisation_id: organisations.get(user.organisation)!, password_hash: hashes[index] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const targets = user.interventions?.map((code) => ({ intervention_id: interventions.get(code)! })) ?? [
      { association_id: user.association ? organisations.get(user.association)! : null },
    ];
    await db
      .insertInto('assignments')
      .values(targets.map((target) => ({ user_id: id, role: user.role, ...target })))
      .execute();
  }
}

async function interventionIds(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('interventions').select(['id', 'code']).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}
