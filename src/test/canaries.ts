import { luhnValid } from '../core/personnummer.js';
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
 * Participants whose names, references, notes and personnummer occur nowhere else, enrolled
 * through the API by case workers of two parties, with consents that name the förbund too,
 * half of them exited — so every report and list has something to (not) show.
 */
export async function seedCanaries(app: App, world: World) {
  const kommun = await login(app, world.users.kommunWorker.email);
  const af = await login(app, world.users.afWorker.email);
  const people = letters.map((word, n) => ({
    personnummer: canaryPersonnummer(n + 1),
    participantRef: `KANARIEREF-${word.toUpperCase()}`,
    firstName: `Kanarina${word}`,
    lastName: `Gulfjädersdotter${word}`,
    notes: `Kanarieanteckning ${word}: mår bättre`,
  }));
  const enrolmentIds: string[] = [];
  for (const [n, p] of people.entries()) {
    const worker = n % 2 === 0 ? kommun : af;
    const interventionId = n % 2 === 0 ? world.interventions.kommunInsats : world.interventions.afInsats;
    const created = await worker.post('/api/v1/enrolments', {
      mode: 'consent',
      interventionId,
      gender: (['woman', 'man', 'other'] as const)[n % 3],
      startDate: `2024-0${1 + (n % 6)}-01`,
      person: { personnummer: p.personnummer, participantRef: p.participantRef, firstName: p.firstName, lastName: p.lastName },
      consent: { givenDate: '2024-01-01', method: 'written', partyIds: [world.orgs.forbund, world.orgs.af, world.orgs.kommun] },
      incomeBefore: ['social_assistance'],
    });
    if (created.status !== 201) throw new Error(`canary enrolment: ${created.status} ${JSON.stringify(created.body)}`);
    enrolmentIds.push(created.body.id);
    const noted = await worker.patch(`/api/v1/enrolments/${created.body.id}`, { notes: p.notes });
    if (noted.status !== 200) throw new Error(`canary notes: ${noted.status}`);
    if (n < 4) {
      const exited = await worker.post(`/api/v1/enrolments/${created.body.id}/exit`, { exitDate: '2024-09-30', exitReason: n % 2 ? 'studies' : 'work' });
      if (exited.status !== 200) throw new Error(`canary exit: ${exited.status} ${JSON.stringify(exited.body)}`);
    }
  }
  const tokens = people.flatMap((p) => [...personnummerForms(p.personnummer), p.participantRef, p.firstName, p.lastName, p.notes]);
  return { people, enrolmentIds, tokens };
}

/** The canaries found in a text (case-insensitive), for a readable failure. */
export function canariesIn(text: string, tokens: string[]): string[] {
  const haystack = text.toLowerCase();
  return tokens.filter((t) => haystack.includes(t.toLowerCase()));
}
