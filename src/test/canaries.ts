import { sql } from 'kysely';
import { luhnValid } from '../core/personnummer.js';
import { personalData } from '../server/access/personal-data.js';
import type { Db } from '../server/db/connection.js';
import type { App } from '../server/app.js';
import { login } from './http.js';
import type { World } from './world.js';

/** A Luhn-valid personnummer YYYYMMDD-NNNC for canary n: unique per n, a real calendar date. */
export function canaryPersonnummer(n: number): string {
  const day = new Date(Date.UTC(1961, 0, 1) + n * 41 * 86_400_000);
  const yyyy = String(day.getUTCFullYear());
  const mmdd = `${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
  const serial = String(400 + ((n * 37) % 500)).padStart(3, '0');
  const check = [...'0123456789'].find((c) => luhnValid(`${yyyy.slice(2)}${mmdd}${serial}${c}`))!;
  return `${yyyy}${mmdd}-${serial}${check}`;
}

/** The ways a personnummer is written: 12 or 10 digits, with or without the separator. */
export const personnummerForms = (pnr: string) => {
  const digits = pnr.replace('-', '');
  return [pnr, digits, pnr.slice(2), digits.slice(2)];
};

const letters = ['Alfa', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotell'];

export type Canaries = Awaited<ReturnType<typeof seedCanaries>>;

/**
 * Participants whose names, references, notes, consent references, exit details and personnummer
 * occur nowhere else, enrolled through the API by case workers of two parties, with consents that
 * name the förbund too, half of them exited — so every report and list has something to (not) show.
 */
export async function seedCanaries(app: App, world: World) {
  const kommun = await login(app, world.users.kommunWorker.email);
  const af = await login(app, world.users.afWorker.email);
  const people = letters.map((word, n) => ({
    word,
    personnummer: canaryPersonnummer(n + 1),
    participantRef: `KANARIEREF-${word.toUpperCase()}`,
    firstName: `Kanarina${word}`,
    lastName: `Gulfjädersdotter${word}`,
    notes: `Kanarieanteckning ${word}: mår bättre`,
  }));
  const enrolmentIds: string[] = [];
  // A workplace of the förbund's register where every canary is placed (issue 10): the register is
  // shared with the förbund and the lead, who must never see who is placed there.
  const workplace = await kommun.post('/api/v1/workplaces', { associationId: world.orgs.forbund, name: 'Kanarieverkstaden', supervisors: [{ name: 'Handledare Verkstad' }] });
  if (workplace.status !== 201) throw new Error(`canary workplace: ${workplace.status} ${JSON.stringify(workplace.body)}`);
  for (const [n, p] of people.entries()) {
    const worker = n % 2 === 0 ? kommun : af;
    const interventionId = n % 2 === 0 ? world.interventions.kommunInsats : world.interventions.afInsats;
    const created = await worker.post('/api/v1/enrolments', {
      mode: 'consent',
      interventionId,
      gender: (['woman', 'man', 'other'] as const)[n % 3],
      startDate: `2024-0${1 + (n % 6)}-01`,
      person: { personnummer: p.personnummer, participantRef: p.participantRef, firstName: p.firstName, lastName: p.lastName },
      consent: { givenDate: '2024-01-01', method: 'written', documentRef: `Kanariepärm ${p.word}`, partyIds: [world.orgs.forbund, world.orgs.af, world.orgs.kommun] },
      incomeBefore: ['social_assistance'],
    });
    if (created.status !== 201) throw new Error(`canary enrolment: ${created.status} ${JSON.stringify(created.body)}`);
    enrolmentIds.push(created.body.id);
    const noted = await worker.patch(`/api/v1/enrolments/${created.body.id}`, { notes: p.notes });
    if (noted.status !== 200) throw new Error(`canary notes: ${noted.status}`);
    // The shared case (issue 10): a plan and a meeting with free text in every declared column.
    const plan = await worker.request('PUT', `/api/v1/enrolments/${created.body.id}/plan`, {
      mainGoal: `Kanariemål ${p.word}`,
      ownWords: `Kanarieord ${p.word}`,
      subGoals: [{ text: `Kanariedelmål ${p.word}` }],
    });
    if (plan.status !== 200) throw new Error(`canary plan: ${plan.status} ${JSON.stringify(plan.body)}`);
    const meeting = await worker.post(`/api/v1/enrolments/${created.body.id}/meetings`, {
      type: 'follow_up',
      heldAt: '2024-02-01T10:00',
      notes: `Kanariemöte ${p.word}`,
      actions: [{ text: `Kanarieåtgärd ${p.word}` }],
    });
    if (meeting.status !== 201) throw new Error(`canary meeting: ${meeting.status} ${JSON.stringify(meeting.body)}`);
    const activity = await worker.post(`/api/v1/enrolments/${created.body.id}/activities`, {
      activityType: 'work_training',
      workplaceId: workplace.body.id,
      provider: `Kanarieanordnare ${p.word}`,
      startDate: `2024-0${1 + (n % 6)}-01`,
      status: n % 3 === 0 ? 'planned' : 'ongoing',
      notes: `Kanarieaktivitet ${p.word}`,
    });
    if (activity.status !== 201) throw new Error(`canary activity: ${activity.status} ${JSON.stringify(activity.body)}`);
    if (n < 4) {
      const exited = await worker.post(`/api/v1/enrolments/${created.body.id}/exit`, {
        exitDate: '2024-09-30',
        exitReason: n % 2 ? 'studies' : 'work',
        exitDetail: `Kanarieavslut ${p.word}`,
      });
      if (exited.status !== 200) throw new Error(`canary exit: ${exited.status} ${JSON.stringify(exited.body)}`);
    }
  }
  // Each answers a survey with a free text of their own (issue 13).
  for (const [n, id] of enrolmentIds.entries()) await answerCanarySurvey(app, n % 2 === 0 ? kommun : af, id, `Kanariesvar ${people[n].word}: bättre nu`);
  // Every identity and free-text value the personal-data registry declares, as stored: a table
  // added to the registry (and filled for these people) is searched for without changing this file.
  const stored = await declaredValuesOf(app.db, enrolmentIds);
  const tokens = [...new Set([...people.flatMap((p) => personnummerForms(p.personnummer)), ...stored])];
  return { people, enrolmentIds, tokens };
}

async function answerCanarySurvey(app: App, worker: Awaited<ReturnType<typeof login>>, enrolmentId: string, text: string) {
  const sent = await worker.post(`/api/v1/enrolments/${enrolmentId}/surveys`, { variant: 'during' });
  if (sent.status !== 201) throw new Error(`canary survey: ${sent.status}`);
  const question = await app.db.selectFrom('survey_questions').select('id').where('key', '=', 'q9').where('retired_at', 'is', null).executeTakeFirstOrThrow();
  const answered = await app.inject({
    method: 'POST',
    url: new URL(sent.body.url).pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ [`q${question.id}`]: text, q: '' }).toString(),
  });
  if (answered.statusCode !== 303) throw new Error(`canary answer: ${answered.statusCode}`);
}

async function declaredValuesOf(db: Db, enrolmentIds: string[]): Promise<string[]> {
  const persons = await db.selectFrom('enrolments').select('person_id').where('id', 'in', enrolmentIds).execute();
  const personIds = persons.map((p) => p.person_id);
  const values: string[] = [];
  for (const table of personalData) {
    if (!('column' in table.person)) continue;
    for (const column of [...table.identity, ...table.freeText]) {
      const rows = await sql<{ v: string | null }>`select ${sql.ref(column)}::text as v from ${sql.table(table.table)}
        where ${sql.ref(table.person.column)} = any(${personIds}::uuid[])`.execute(db);
      values.push(...rows.rows.flatMap((r) => (r.v ? [r.v] : [])));
    }
  }
  return values;
}

/** The canaries found in a text (case-insensitive), for a readable failure. */
export function canariesIn(text: string, tokens: string[]): string[] {
  const haystack = text.toLowerCase();
  return tokens.filter((t) => haystack.includes(t.toLowerCase()));
}
