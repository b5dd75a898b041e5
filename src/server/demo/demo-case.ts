import { sql } from 'kysely';
import { systemAuditActor, writeAudit } from '../audit/audit.js';
import type { Db } from '../db/connection.js';

// The shared case in the demo (issue 10, item 10): action plans with revisions and sub-goals, and
// meetings, for the open enrolments of the team interventions (Demokraften's area teams,
// Aktivitetscentret's teams), as the seeds describe the work: the municipality writes the plan,
// Arbetsförmedlingen revises it where the consent names it, kartläggning first, then trepartsmöten
// and a few SIP meetings. Set-based (one statement a table) so the first start stays fast (about
// 0.15 s on the embedded database); the choices are hashes of the enrolment id, so the demo is the
// same on every start.

const goals = [
  'Arbete inom lager och logistik',
  'Studier på Komvux, vård och omsorg',
  'Arbete inom restaurang och storkök',
  'Praktik som leder till anställning i handeln',
  'Klargöra arbetsförmågan och hitta rätt stöd',
  'Körkort och arbete inom transport',
];
const ownWords = [
  'Jag vill ha ett jobb där jag rör på mig.',
  'Jag vill klara mig själv utan försörjningsstöd.',
  'Jag vill lära mig svenska bättre och sedan plugga.',
  'Jag vill komma igång, men inte för fort.',
];
const subGoals = [
  'Komma i tid tre dagar i veckan',
  'Arbetsträna en dag i veckan',
  'Skriva ett CV med stöd av coachen',
  'Söka tre jobb i månaden',
  'Träffa studie- och yrkesvägledare',
  'Ta truckkort A och B',
];

/** 1 + hash of the row's id modulo n: a stable pick from an array of n. */
const pick = (column: string, n: number, salt = '') => sql`(1 + abs(hashtext(${sql.raw(column)}::text || ${salt})) % ${n})`;

export async function seedCaseRecords(db: Db): Promise<void> {
  // Who writes: the municipality's and Arbetsförmedlingen's demo case workers; AF works in Demokraften only.
  await sql`
    create temporary table demo_case on commit drop as
    select e.id as enrolment_id, e.person_id, e.controller_org_id, e.start_date,
      (select u.id from users u join organisations o on o.id = u.organisation_id where o.code = 'DEMOSTAD' and u.email like 'handlaggare@%') as kommun_user,
      (select u.id from users u where u.email like 'handlaggare.af@%') as af_user,
      (select o.id from organisations o where o.code = 'AF') as af_org,
      i.code = 'KRAFTEN' and exists (select 1 from consents c join consent_parties cp on cp.consent_id = c.id join organisations o on o.id = cp.organisation_id
              where c.person_id = e.person_id and c.withdrawn_at is null and o.code = 'AF') as af_shared
    from enrolments e join interventions i on i.id = e.intervention_id join persons p on p.id = e.person_id
    where i.code in ('KRAFTEN', 'AKTIVITETSCENTER') and p.first_name is not null
      and e.exit_date is null and e.start_date <= current_date - 14 and ${pick('e.id', 10)} <= 8`.execute(db);
  await sql`
    insert into action_plans (enrolment_id, person_id, controller_org_id, created_by_user_id, created_at, updated_at)
    select enrolment_id, person_id, controller_org_id, kommun_user, (start_date + 10)::timestamptz, (start_date + 40)::timestamptz from demo_case`.execute(db);
  await sql`
    insert into plan_sub_goals (plan_id, enrolment_id, person_id, controller_org_id, text, target_date, status, created_by_user_id, created_at, updated_at)
    select ap.id, d.enrolment_id, d.person_id, d.controller_org_id,
      (${sql.val(subGoals)}::text[])[1 + abs(hashtext(d.enrolment_id::text || n::text)) % ${subGoals.length}],
      d.start_date + 60 * n, (array['reached', 'ongoing', 'not_started'])[1 + abs(hashtext(d.enrolment_id::text || 's' || n::text)) % 3],
      d.kommun_user, (d.start_date + 10)::timestamptz + n * interval '1 second', (d.start_date + 10)::timestamptz
    from demo_case d join action_plans ap on ap.enrolment_id = d.enrolment_id cross join generate_series(1, 2) n`.execute(db);
  // The first revision by the municipality; a second by Arbetsförmedlingen where the consent names it.
  await sql`
    insert into plan_revisions (plan_id, enrolment_id, person_id, controller_org_id, author_user_id, revised_at, main_goal, own_words, next_follow_up, changes)
    select ap.id, d.enrolment_id, d.person_id, d.controller_org_id, d.kommun_user, (d.start_date + 10)::timestamptz,
      (${sql.val(goals)}::text[])[${pick('d.enrolment_id', goals.length)}], (${sql.val(ownWords)}::text[])[${pick('d.enrolment_id', ownWords.length, 'w')}],
      d.start_date + 40, '[{"field":"created"}]'::jsonb
    from demo_case d join action_plans ap on ap.enrolment_id = d.enrolment_id
    union all
    select ap.id, d.enrolment_id, d.person_id, d.af_org, d.af_user, (d.start_date + 40)::timestamptz,
      (${sql.val(goals)}::text[])[${pick('d.enrolment_id', goals.length)}], (${sql.val(ownWords)}::text[])[${pick('d.enrolment_id', ownWords.length, 'w')}],
      d.start_date + 100, '[{"field":"nextFollowUp"}]'::jsonb
    from demo_case d join action_plans ap on ap.enrolment_id = d.enrolment_id
    where d.af_shared and d.start_date + 40 <= current_date`.execute(db);
  // Kartläggning by the municipality; a trepartsmöte held by Arbetsförmedlingen; every seventh a SIP meeting.
  await sql`
    insert into meetings (enrolment_id, person_id, controller_org_id, type, held_at, participant_present, staff_user_ids, other_roles, notes, next_meeting_at, created_by_user_id)
    select enrolment_id, person_id, controller_org_id, 'mapping', (start_date + 7) + time '09:30', true, array[kommun_user], '{}'::text[],
      'Kartläggning av arbetslivserfarenhet, hälsa och mål. Deltagaren berättade om tidigare jobb.', (start_date + 30) + time '10:00', kommun_user
    from demo_case
    union all
    select enrolment_id, person_id, af_org, 'three_party', (start_date + 30) + time '10:00', true, array[kommun_user, af_user], '{employer}'::text[],
      'Trepartsmöte med arbetsgivaren om praktikplats. Överens om start inom två veckor.', null, af_user
    from demo_case where af_shared and start_date + 30 <= current_date
    union all
    select enrolment_id, person_id, controller_org_id, 'sip', (start_date + 45) + time '13:00', true, array[kommun_user], '{health_care}'::text[],
      'SIP-möte med vården om samordnade insatser.', null, kommun_user
    from demo_case where ${pick('enrolment_id', 7, 'sip')} = 1 and start_date + 45 <= current_date`.execute(db);
  await writeAudit(db, systemAuditActor('demo'), [{ action: 'create', entity: 'plan', details: { demo: true } }]);
}
