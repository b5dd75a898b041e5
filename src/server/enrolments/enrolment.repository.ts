import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import { foldTranslation, searchTerms } from '../../core/search.js';
import type { DataScope } from '../access/data-scope.js';
import { enrolmentVisibleTo } from '../access/scope.js';
import type { Db } from '../db/connection.js';
import { prepared } from '../db/prepared.js';
import type { CaseCategoryCode, EnrolmentsTable, RevisionChange } from '../db/types.js';

/** The columns an enrolment view is built from; always read through the scope filter below. */
export function selectEnrolments(db: Db, scope: DataScope) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .innerJoin('interventions as i', 'i.id', 'e.intervention_id')
    .innerJoin('organisations as c', 'c.id', 'e.controller_org_id')
    .leftJoin('teams as t', 't.id', 'e.team_id')
    .leftJoin('organisations as r', 'r.id', 'e.referrer_org_id')
    .where(enrolmentVisibleTo(scope, 'e'))
    .select([
      'e.id',
      'e.person_id',
      'e.gender',
      'e.age_at_start',
      'e.start_date',
      'e.exit_date',
      'e.exit_reason',
      'e.exit_detail',
      'e.exit_completed',
      'e.income_before',
      'e.occupation_before',
      'e.occupation_before_extent',
      'e.education',
      'e.support_time',
      'e.target_groups',
      'e.income_after',
      'e.occupation_after',
      'e.occupation_after_extent',
      'e.notes',
      'e.controller_org_id',
      'p.participant_ref',
      'p.personnummer',
      'p.first_name',
      'p.last_name',
      'p.birth_year',
      'p.identity_removed_at',
      'i.id as intervention_id',
      'i.code as intervention_code',
      'i.name as intervention_name',
      'c.code as controller_code',
      'c.name as controller_name',
      't.id as team_id',
      't.name as team_name',
      'r.id as referrer_id',
      'r.code as referrer_code',
      'r.name as referrer_name',
    ]);
}

export type EnrolmentRow = Awaited<ReturnType<typeof findVisibleEnrolment>> & {};

export function findVisibleEnrolment(db: Db, scope: DataScope, id: string) {
  return selectEnrolments(db, scope).where('e.id', '=', id).modifyEnd(prepared).executeTakeFirst();
}

/** Case and diacritics folded in SQL exactly as core/search.ts folds the query. */
const folded = (text: RawBuilder<unknown>) => sql<string>`translate(lower(${text}), ${foldTranslation.from}, ${foldTranslation.to})`;
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (m) => `\\${m}`);

export type EnrolmentFilter = {
  interventionId?: string;
  teamId?: string;
  status: 'active' | 'exited' | 'all';
  q?: string;
  page: number;
  pageSize: number;
};

/**
 * One statement: the page is picked over enrolments alone, under the access rule (from the
 * intervention's listing index when the list is of one intervention), counted with a window over
 * the same rows, and only the page's rows get the view's joins. Joining every row of a large
 * intervention before counting and sorting cost several times as much (bench/, issues 5 and 11).
 */
export async function listVisibleEnrolments(db: Db, scope: DataScope, filter: EnrolmentFilter) {
  const matching = visibleMatching(db, scope, filter);
  const page = matching
    .select(['e.id', 'e.start_date', sql<string>`count(*) over ()`.as('total')])
    .orderBy('e.start_date', 'desc')
    .orderBy('e.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const items = await selectEnrolments(db, scope)
    .innerJoin(page.as('page'), 'page.id', 'e.id')
    .select('page.total')
    .orderBy('e.start_date', 'desc')
    .orderBy('e.id')
    .modifyEnd(prepared)
    .execute();
  // A page past the end has no row to carry the count.
  const total = items.length > 0 ? Number(items[0].total) : filter.page === 1 ? 0 : await countOf(matching);
  return { items: items.map(({ total: _, ...item }) => item), total };
}

async function countOf(matching: ReturnType<typeof visibleMatching>): Promise<number> {
  const { total } = await matching.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return Number(total);
}

/** The enrolments the filter asks for, under the access rule. */
function visibleMatching(db: Db, scope: DataScope, filter: EnrolmentFilter) {
  let query = db.selectFrom('enrolments as e').where(enrolmentVisibleTo(scope, 'e'));
  if (filter.interventionId) query = query.where('e.intervention_id', '=', filter.interventionId);
  if (filter.teamId) query = query.where('e.team_id', '=', filter.teamId);
  if (filter.status === 'active') query = query.where('e.exit_date', 'is', null);
  if (filter.status === 'exited') query = query.where('e.exit_date', 'is not', null);
  if (filter.q) {
    const terms = searchTerms(filter.q);
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('persons as p')
          .select('p.id')
          .whereRef('p.id', '=', 'e.person_id')
          // Every word must be found, in any order: a name word in the name or the reference, a
          // number in the personnummer.
          .where((pb) =>
            pb.and(
              terms.map((term) =>
                term.kind === 'digits'
                  ? pb(sql<string>`replace(p.personnummer, '-', '')`, 'like', `%${term.value}%`)
                  : pb.or([
                      pb(folded(sql`coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')`), 'like', `%${escapeLike(term.value)}%`),
                      pb(folded(sql`coalesce(p.participant_ref, '')`), 'like', `%${escapeLike(term.value)}%`),
                    ]),
              ),
            ),
          ),
      ),
    );
  }
  return query;
}

/** The person's consents, newest first, each with its parties: one statement. */
export async function consentsOf(db: Db, personId: string) {
  const { rows } = await sql<{
    id: string;
    given_date: string;
    method: string;
    document_ref: string | null;
    withdrawn_at: Date | null;
    parties: { id: string; code: string; name: string; categories: CaseCategoryCode[] }[];
  }>`
    select c.id, c.given_date, c.method, c.document_ref, c.withdrawn_at,
      coalesce((select json_agg(json_build_object('id', o.id, 'code', o.code, 'name', o.name, 'categories', cp.categories) order by o.name)
        from consent_parties cp join organisations o on o.id = cp.organisation_id
        where cp.consent_id = c.id), '[]') as parties
    from consents c where c.person_id = ${personId}
    order by c.created_at desc ${prepared}`.execute(db);
  return rows;
}

export async function insertEnrolment(db: Db, values: Insertable<EnrolmentsTable>): Promise<string> {
  return (await db.insertInto('enrolments').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

// Writes take the row a scoped read returned (findVisibleEnrolment), never a bare id: an
// enrolment out of the caller's scope cannot be reached to be changed.

export async function updateVisibleEnrolment(db: Db, row: EnrolmentRow, set: Updateable<EnrolmentsTable>): Promise<void> {
  await db.updateTable('enrolments').set({ ...set, updated_at: new Date() }).where('id', '=', row.id).execute();
}

export async function renameVisiblePerson(db: Db, row: EnrolmentRow, names: { first_name?: string | null; last_name?: string | null }): Promise<void> {
  await db.updateTable('persons').set({ ...names, updated_at: new Date() }).where('id', '=', row.person_id).execute();
}

// Revisions (issue 9): read and written only with the row a scoped read returned.

export type NewRevision = {
  kind: 'correction' | 'exit' | 'reopen';
  changedByUserId: string | null;
  changedByOrgId: string | null;
  affectsFrom: string;
  fields: RevisionChange[];
};

export async function insertRevision(db: Db, row: EnrolmentRow, revision: NewRevision): Promise<void> {
  await db
    .insertInto('enrolment_revisions')
    .values({
      enrolment_id: row.id,
      person_id: row.person_id,
      controller_org_id: row.controller_org_id,
      kind: revision.kind,
      changed_by_user_id: revision.changedByUserId,
      changed_by_org_id: revision.changedByOrgId,
      affects_from: revision.affectsFrom,
      fields: JSON.stringify(revision.fields),
    })
    .execute();
}

/** The revisions of an enrolment the caller found through the access rule, newest first. */
export function revisionsOf(db: Db, row: EnrolmentRow) {
  return db
    .selectFrom('enrolment_revisions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by_user_id')
    .leftJoin('organisations as o', 'o.id', 'v.changed_by_org_id')
    .select(['v.id', 'v.kind', 'v.changed_at', 'v.fields', 'u.display_name as changed_by', 'o.name as organisation'])
    .where('v.enrolment_id', '=', row.id)
    .orderBy('v.changed_at', 'desc')
    .modifyEnd(prepared)
    .execute();
}

/**
 * The person's enrolments in the intervention, split by whether the access rule lets the caller
 * see them. Only the visible ones may be named to the caller; the hidden ones are for the audit
 * trail (their ids).
 */
export async function enrolmentsOf(db: Db, scope: DataScope, personId: string, interventionId: string) {
  const rows = await db
    .selectFrom('enrolments as e')
    .where('e.person_id', '=', personId)
    .where('e.intervention_id', '=', interventionId)
    .select(['e.id', 'e.start_date', 'e.exit_date', enrolmentVisibleTo(scope, 'e').as('visible')])
    .orderBy('e.start_date')
    .execute();
  const facts = rows.map(({ visible: _, ...row }) => row);
  return { visible: facts.filter((_, i) => rows[i].visible), hidden: facts.filter((_, i) => !rows[i].visible) };
}

/** Whether another enrolment of the person in the intervention starts that day (one per day, UNIQUE). */
export async function otherEnrolmentFrom(db: Db, row: EnrolmentRow, startDate: string): Promise<boolean> {
  const other = await db
    .selectFrom('enrolments')
    .select('id')
    .where('person_id', '=', row.person_id)
    .where('intervention_id', '=', row.intervention_id)
    .where('start_date', '=', startDate)
    .where('id', '<>', row.id)
    .executeTakeFirst();
  return !!other;
}
