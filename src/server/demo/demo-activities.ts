import { sql } from 'kysely';
import { systemAuditActor, writeAudit } from '../audit/audit.js';
import type { Db } from '../db/connection.js';

// Activities, placements and the workplace register in the demo (issue 10, item 10), shaped like
// the seeds: Demokraften's and Aktivitetscentret's participants in praktik, arbetsträning,
// studies and job search at the förbund's workplaces, and Arbetsmarknadstorget's subsidised
// employments in AMT 2022's mix (lönebidrag new and extended, utan stöd, nystartsjobb,
// introduktionsjobb, Samhall). Set-based, a few statements, so the first start stays fast; the
// choices are hashes of the enrolment id, so the demo is the same on every start.

const workplaces: [name: string, sector: string, orgNumber: string, supervisor: string, placeType: string, places: number][] = [
  ['Stadsträdgården, parkförvaltningen', 'municipal', '212000-0142', 'Maria Lind', 'work_training', 6],
  ['Återbruket second hand', 'non_profit', '802400-1111', 'Jonas Berg', 'work_training', 8],
  ['Restaurang Gröna Vågen', 'private', '556000-1111', 'Leila Haddad', 'internship', 3],
  ['Lagercentralen Norr', 'private', '556000-2222', 'Peter Ek', 'internship', 4],
  ['Solgårdens äldreboende', 'municipal', '212000-0143', 'Anna Holm', 'internship', 5],
  ['Cykelverkstaden', 'non_profit', '802400-2222', 'Sami Koskinen', 'work_training', 6],
  ['Stadsbiblioteket', 'municipal', '212000-0144', 'Eva Strand', 'internship', 2],
  ['Kafé Mötesplatsen', 'non_profit', '802400-3333', 'Nora Ali', 'work_training', 5],
  ['Bilvårdscentralen', 'private', '556000-3333', 'Olle Nyström', 'internship', 2],
  ['Samhall Demostad', 'state', '556448-0282', 'Karin Sjöberg', 'internship', 4],
];

/** AMT 2022: 47 new LFU/OSA decisions, 35 extensions, 12 utan stöd, 10 nystartsjobb, 4 introduktionsjobb, 3 Samhall (of 111). */
const amtMix: [type: string, extension: boolean, weight: number][] = [
  ['wage_subsidy_development', false, 40], ['sheltered_public', false, 7], ['wage_subsidy_development', true, 30], ['sheltered_public', true, 5],
  ['unsubsidised', false, 12], ['new_start_job', false, 10], ['introduction_job', false, 4], ['samhall', false, 3],
];
const amtSlots = amtMix.flatMap(([type, extension, weight]) => Array.from({ length: weight }, () => `${type}:${extension}`));

/** 1 + hash of the row's id modulo n: a stable pick from an array of n. */
const pick = (column: string, n: number, salt = '') => sql`(1 + abs(hashtext(${sql.raw(column)}::text || ${salt})) % ${n})`;

export async function seedActivities(db: Db): Promise<void> {
  await sql`
    insert into workplaces (association_id, name, sector, org_number, address)
    select o.id, w.name, w.sector, w.org_number, 'Storgatan ' || w.n || ', Demostad'
    from organisations o cross join unnest(${sql.val(workplaces.map((w) => w[0]))}::text[], ${sql.val(workplaces.map((w) => w[1]))}::text[],
      ${sql.val(workplaces.map((w) => w[2]))}::text[]) with ordinality as w(name, sector, org_number, n)
    where o.code = 'FINSAM-DEMO'`.execute(db);
  await sql`
    insert into workplace_supervisors (workplace_id, name, phone)
    select w.id, s.name, '070-' || lpad(s.n::text, 3, '0') || ' 00 00'
    from workplaces w join unnest(${sql.val(workplaces.map((x) => x[0]))}::text[], ${sql.val(workplaces.map((x) => x[3]))}::text[]) with ordinality as s(workplace, name, n) on s.workplace = w.name`.execute(db);
  await sql`
    insert into workplace_places (workplace_id, activity_type, places)
    select w.id, p.type, p.places
    from workplaces w join unnest(${sql.val(workplaces.map((x) => x[0]))}::text[], ${sql.val(workplaces.map((x) => x[4]))}::text[], ${sql.val(workplaces.map((x) => x[5]))}::int[]) as p(workplace, type, places) on p.workplace = w.name`.execute(db);
  // The teams' current participants: one activity each for most, at a workplace for praktik and arbetsträning.
  await sql`
    with w as (select id, row_number() over (order by name) as n from workplaces),
    chosen as (
      select e.id, e.person_id, e.controller_org_id, e.start_date, e.exit_date,
        (array['internship', 'work_training', 'work_training', 'studies', 'job_search', 'group_activation'])[${pick('e.id', 6, 'type')}] as type,
        ${pick('e.id', workplaces.length, 'w')} as workplace_n, 14 + ${pick('e.id', 30, 'd')} as after_start
      from enrolments e join interventions i on i.id = e.intervention_id
      where i.code in ('KRAFTEN', 'AKTIVITETSCENTER') and e.exit_date is null and ${pick('e.id', 10, 'a')} <= 7)
    insert into activities (enrolment_id, person_id, controller_org_id, activity_type, workplace_id, provider, start_date, end_date, hours_per_week, status)
    select c.id, c.person_id, c.controller_org_id, c.type,
      case when c.type in ('internship', 'work_training') then w.id end,
      case when c.type = 'studies' then 'Komvux Demostad' when c.type in ('job_search', 'group_activation') then 'Demokraften, teamet' end,
      c.start_date + c.after_start,
      coalesce(least(c.exit_date, c.start_date + c.after_start + 90), c.start_date + c.after_start + 90),
      (array[10, 15, 20, 25, 30])[${pick('c.id', 5, 'h')}],
      case when c.start_date + c.after_start > current_date then 'planned'
           when coalesce(c.exit_date, c.start_date + c.after_start + 90) < current_date then 'completed' else 'ongoing' end
    from chosen c join w on w.n = c.workplace_n
    where c.exit_date is null or c.start_date + c.after_start <= c.exit_date`.execute(db);
  // Arbetsmarknadstorget: a third of the last two years' participants in subsidised employment, in AMT 2022's mix.
  // The mix is dealt in a stride over the chosen rows (7 is prime to the 111 slots), so any run of
  // them carries AMT's proportions whatever the random ids: a hash of each id would only approach them.
  await sql`
    with amt as (
      select e.id, e.person_id, e.controller_org_id, e.start_date, e.exit_date, row_number() over (order by e.start_date, e.id) as n
      from enrolments e join interventions i on i.id = e.intervention_id
      where i.code = 'AMT' and e.start_date >= current_date - 730 and ${pick('e.id', 3, 'e')} = 1),
    chosen as (
      select id, person_id, controller_org_id, start_date, exit_date,
        split_part((${sql.val(amtSlots)}::text[])[1 + (n * 7) % ${amtSlots.length}], ':', 1) as type,
        split_part((${sql.val(amtSlots)}::text[])[1 + (n * 7) % ${amtSlots.length}], ':', 2)::boolean as extension,
        30 + ${pick('id', 60, 'd')} as after_start
      from amt)
    insert into activities (enrolment_id, person_id, controller_org_id, activity_type, employment_type, extension, start_date, end_date, hours_per_week, status)
    select id, person_id, controller_org_id, 'employment', type, extension, start_date + after_start, start_date + after_start + 365, 40,
      case when start_date + after_start > current_date then 'planned' when start_date + after_start + 365 < current_date then 'completed' else 'ongoing' end
    from chosen where exit_date is null or start_date + after_start <= exit_date`.execute(db);
  await writeAudit(db, systemAuditActor('demo'), [{ action: 'create', entity: 'activity', details: { demo: true } }]);
}
