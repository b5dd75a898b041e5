import { sql } from 'kysely';
import type { Db } from '../db/connection.js';

// The shared case in a subject-access answer (GDPR art. 15; registry section 'case'). The
// controlling organisation answers for the records it controls: those are listed in full; records
// another party wrote are that party's to disclose, so the answer names the party and the number
// of its records, never their content.

export type CaseRecordRow = { kind: string; at: string; detail: string | null; texts: (string | null)[] };

export async function caseRecordsOf(db: Db, personId: string, controllerId: string) {
  const own = await sql<CaseRecordRow>`
    select 'plan_revision' as kind, r.revised_at::text as at, r.next_follow_up::text as detail, array[r.main_goal, r.own_words] as texts
      from plan_revisions r where r.person_id = ${personId} and r.controller_org_id = ${controllerId}
    union all
    select 'sub_goal', g.created_at::text, g.status, array[g.text]
      from plan_sub_goals g where g.person_id = ${personId} and g.controller_org_id = ${controllerId}
    union all
    select 'meeting', m.held_at::text, m.type, array[m.notes] || coalesce((select array_agg(a.text order by a.position) from meeting_actions a where a.meeting_id = m.id), '{}')
      from meetings m where m.person_id = ${personId} and m.controller_org_id = ${controllerId}
    order by 2, 1`.execute(db);
  const others = await sql<{ code: string; name: string; records: number }>`
    select o.code, o.name, count(*)::int as records from (
      select controller_org_id from plan_revisions where person_id = ${personId}
      union all select controller_org_id from plan_sub_goals where person_id = ${personId}
      union all select controller_org_id from meetings where person_id = ${personId}) c
    join organisations o on o.id = c.controller_org_id
    where c.controller_org_id <> ${controllerId}
    group by o.code, o.name order by o.name`.execute(db);
  return { own: own.rows, others: others.rows };
}
