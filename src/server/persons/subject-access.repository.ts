import { sql } from 'kysely';
import type { Db } from '../db/connection.js';

// Everything stored about one person, and who accessed it (GDPR art. 15). Read without the
// enrolment access rule: the service has already established that the actor answers for the
// controller (access/person-rules.ts), and the controller must disclose all it holds.

export function findPersonController(db: Db, personId: string) {
  return db.selectFrom('persons').select(['id', 'controller_org_id']).where('id', '=', personId).executeTakeFirst();
}

export async function loadSubjectAccess(db: Db, personId: string) {
  const person = await db
    .selectFrom('persons as p')
    .innerJoin('organisations as c', 'c.id', 'p.controller_org_id')
    .select([
      'p.id',
      'p.participant_ref',
      'p.personnummer',
      'p.first_name',
      'p.last_name',
      'p.gender',
      'p.birth_year',
      'p.protected_identity',
      'p.identity_removed_at',
      'p.created_at',
      'p.updated_at',
      'c.id as controller_id',
      'c.code as controller_code',
      'c.name as controller_name',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  const enrolments = await db
    .selectFrom('enrolments as e')
    .innerJoin('interventions as i', 'i.id', 'e.intervention_id')
    .leftJoin('teams as t', 't.id', 'e.team_id')
    .leftJoin('organisations as r', 'r.id', 'e.referrer_org_id')
    .selectAll('e')
    .select(['i.code as intervention_code', 'i.name as intervention_name', 't.name as team_name', 'r.code as referrer_code', 'r.name as referrer_name'])
    .where('e.person_id', '=', personId)
    .orderBy('e.start_date')
    .orderBy('e.id')
    .execute();
  const consents = await db
    .selectFrom('consents')
    .select(['id', 'given_date', 'method', 'document_ref', 'withdrawn_at', 'withdrawn_date', 'created_at'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const parties = consents.length
    ? await db
        .selectFrom('consent_parties as cp')
        .innerJoin('organisations as o', 'o.id', 'cp.organisation_id')
        .select(['cp.consent_id', 'cp.added_at', 'o.code', 'o.name'])
        .where('cp.consent_id', 'in', consents.map((c) => c.id))
        .orderBy('o.name')
        .execute()
    : [];
  // Events naming the person, and denied attempts that named only one of their enrolments.
  const enrolmentIds = enrolments.map((e) => e.id);
  const accessLog = await db
    .selectFrom('audit_events as a')
    .leftJoin('organisations as o', 'o.id', 'a.actor_org_id')
    .select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.outcome', 'a.purpose', 'a.actor_role', 'a.enrolment_id', 'a.protected', 'o.code as org_code', 'o.name as org_name'])
    .where((eb) =>
      eb.or([
        eb('a.person_id', '=', personId),
        eb.and([eb('a.person_id', 'is', null), sql<boolean>`a.enrolment_id = any(${enrolmentIds}::uuid[])`]),
      ]),
    )
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
  // Surveys sent to the person and what they answered (issue 13), with each question's Swedish text.
  const sendings = await db
    .selectFrom('survey_sendings')
    .select(['id', 'enrolment_id', 'variant', 'sent_at', 'expires_at', 'answered_at'])
    .where('person_id', '=', personId)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  const answers = await db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
    .leftJoin('survey_translations as t', (join) => join.onRef('t.question_id', '=', 'a.question_id').on('t.language', '=', 'sv'))
    .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
    .select(['r.sending_id', 'r.language', 'r.submitted_at', 'q.key', 't.wording', 'a.value', 'a.choices', 'a.free_text'])
    .where('a.person_id', '=', personId)
    .orderBy('r.submitted_at')
    .orderBy('q.position')
    .execute();
  return { person, enrolments, consents, parties, accessLog, sendings, answers };
}

export type SubjectAccessRows = Awaited<ReturnType<typeof loadSubjectAccess>>;

/** Swedish labels of the code lists the export shows, keyed `list:code`. */
export async function codeLabels(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('code_list_entries')
    .select(['list', 'code', 'label'])
    .where('list', 'in', ['gender', 'exit_reason', 'income_source', 'occupation', 'education', 'support_time', 'target_group'])
    .execute();
  return new Map(rows.map((r) => [`${r.list}:${r.code}`, r.label]));
}
