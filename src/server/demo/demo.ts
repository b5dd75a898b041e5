/**
 * Demo data: one samordningsförbund with its four parties and four interventions shaped like
 * those in the seeds, about three years of enrolments ending at `today` (~3,600 rows).
 */
import { addYears, civilFromDay, fromDay, toDay, workday } from './dates.js';
import { PersonnummerAllocator } from './personnummer.js';
import { ACTIVITY_TEAMS, AREA_TEAMS, PROFILES, REENROL_REASONS, type Profile, type ProfileKey } from './profiles.js';
import { Rng, weighted, type Weighted } from './prng.js';
import {
  ageOn, anonymousEnrolment, createPerson, drawDuration, markRegistrationError, namedEnrolment,
  type AnonymousKind, type Person,
} from './records.js';
import type { GeneratedData, RawRecord, Role } from './types.js';

export const DEMO_ASSOCIATION = 'FINSAM-DEMO';
export const DEMO_TODAY = '2026-11-01';
/** Exactly this many registration errors, so reports visibly exclude them. */
export const DEMO_REGISTRATION_ERRORS = 5;

const ROLE_CODES: Record<Role, string> = { municipality: 'DEMOSTAD', af: 'AF', fk: 'FK', region: 'REGION' };
/** participant_ref prefix per owning organisation: a ref names one person within its controller. */
const REF_PREFIX: Record<string, string> = { DEMOSTAD: 'DS', AF: 'AF' };

// AF and FK carry their real (public) organisation numbers as in the Avanti sample; the förbund,
// municipality and region have made-up numbers with a valid check digit.
const ORGANISATIONS: RawRecord[] = [
  { code: DEMO_ASSOCIATION, name: 'Samordningsförbundet Demo', kind: 'association', org_number: '222000-0018', association: '' },
  { code: 'DEMOSTAD', name: 'Demo stad', kind: 'municipality', org_number: '212000-0142', association: DEMO_ASSOCIATION },
  { code: 'AF', name: 'Arbetsförmedlingen', kind: 'employment_service', org_number: '202100-2114', association: DEMO_ASSOCIATION },
  { code: 'FK', name: 'Försäkringskassan', kind: 'social_insurance', org_number: '202100-5521', association: DEMO_ASSOCIATION },
  { code: 'REGION', name: 'Region Demo', kind: 'region', org_number: '232100-0016', association: DEMO_ASSOCIATION },
];

interface DemoIntervention {
  code: string;
  name: string;
  owner: string;
  profile: ProfileKey;
  /** First enrolments over the three years (re-enrolments and anonymous rows come on top). */
  persons: number;
  places: number;
  volumeTarget: number;
  teams: readonly (readonly [string, number])[];
}

const INTERVENTIONS: DemoIntervention[] = [
  { code: 'AVANTI', name: 'Avanti', owner: 'DEMOSTAD', profile: 'sfi', persons: 240, places: 160, volumeTarget: 160, teams: [] },
  {
    code: 'AKTIVITETSCENTER', name: 'Aktivitetscenter', owner: 'DEMOSTAD', profile: 'activity', persons: 1620, places: 150,
    volumeTarget: 575, teams: ACTIVITY_TEAMS.map((t, i) => [t, [45, 30, 25][i]] as const),
  },
  {
    code: 'KRAFTEN', name: 'Demokraften', owner: 'DEMOSTAD', profile: 'team', persons: 1140, places: 700, volumeTarget: 1200,
    teams: AREA_TEAMS.map((t, i) => [t, [12, 11, 10, 10, 9, 9, 8, 8, 7, 6][i]] as const),
  },
  { code: 'AMT', name: 'Arbetsmarknadstorget', owner: 'AF', profile: 'marketplace', persons: 450, places: 260, volumeTarget: 260, teams: [] },
];

/** Fewer starts in the summer and around Christmas. */
const MONTH_WEIGHT = [1, 1, 1, 0.95, 0.9, 0.75, 0.35, 0.8, 1, 1, 0.95, 0.6];

const ANONYMOUS_KINDS: Weighted<AnonymousKind> = weighted([['anonymous', 50], ['no_consent', 35], ['protected', 15]]);

interface Slot {
  iv: DemoIntervention;
  profile: Profile;
  teams: Weighted<string> | null;
}

export function generateDemoData(opts: { seed?: number; today?: string } = {}): GeneratedData {
  const rng = new Rng(opts.seed ?? 1);
  const today = toDay(opts.today ?? DEMO_TODAY);
  const windowStart = addYears(today, -3) + 1;
  const { y: year } = civilFromDay(today);
  const allocator = new PersonnummerAllocator();
  const refCounters = new Map<string, number>();
  const nextRef = (owner: string): string => {
    const n = (refCounters.get(owner) ?? 0) + 1;
    refCounters.set(owner, n);
    return `${REF_PREFIX[owner]}-${String(n).padStart(5, '0')}`;
  };
  const slots: Slot[] = INTERVENTIONS.map((iv) => ({
    iv,
    profile: PROFILES[iv.profile],
    teams: iv.teams.length > 0 ? weighted(iv.teams) : null,
  }));
  const context = (slot: Slot) => ({
    intervention: slot.iv.code,
    team: slot.teams ? rng.draw(slot.teams) : '',
    profile: slot.profile,
    referrer: ROLE_CODES[rng.draw(slot.profile.referrers)],
  });
  const drawStart = (): number => {
    for (;;) {
      const day = rng.int(windowStart, today);
      if (rng.chance(MONTH_WEIGHT[civilFromDay(day).m - 1])) return workday(day, windowStart, today);
    }
  };
  const exitAfter = (slot: Slot, start: number): number | null => {
    const end = start + drawDuration(rng, slot.profile);
    return end > today ? null : Math.max(start, workday(end, start, today));
  };

  type Named = { slot: Slot; person: Person; ref: string; row: RawRecord; exit: number | null };
  const named: Named[] = [];
  const demostadPeople: Person[] = [];
  const knownToAf = new Set<Person>();
  for (const slot of slots) {
    for (let i = 0; i < slot.iv.persons; i++) {
      const start = drawStart();
      // Some AMT participants are also known to the municipality: the same human, another
      // controller, so another participant_ref (persons of different controllers are never matched).
      const reuse = slot.iv.owner === 'AF' && demostadPeople.length > 0 && rng.chance(0.05) ? rng.pick(demostadPeople) : null;
      const person =
        reuse && !knownToAf.has(reuse) && ageOn(reuse.birthDay, start) >= 18 && ageOn(reuse.birthDay, start) <= 64
          ? reuse
          : createPerson(rng, allocator, slot.profile, start);
      if (slot.iv.owner === 'AF') knownToAf.add(person);
      if (slot.iv.owner === 'DEMOSTAD') demostadPeople.push(person);
      const ref = nextRef(slot.iv.owner);
      const exit = exitAfter(slot, start);
      named.push({ slot, person, ref, exit, row: namedEnrolment(rng, context(slot), person, ref, start, exit) });
    }
  }

  // Re-enrolments: after an interrupted or open-ended exit some come back later, to the same
  // intervention or another of the same owner, under the same participant_ref.
  const firstRound = named.length;
  for (let i = 0; i < firstRound; i++) {
    const first = named[i];
    if (first.exit === null || !REENROL_REASONS.has(first.row.exit_reason) || !rng.chance(0.16)) continue;
    const start = workday(first.exit + rng.int(21, 300), first.exit + 1, today);
    if (start > today || ageOn(first.person.birthDay, start) > 64) continue;
    const siblings = slots.filter((s) => s.iv.owner === first.slot.iv.owner && s !== first.slot);
    const slot = siblings.length > 0 && rng.chance(0.3) ? rng.pick(siblings) : first.slot;
    const exit = exitAfter(slot, start);
    named.push({ slot, person: first.person, ref: first.ref, exit, row: namedEnrolment(rng, context(slot), first.person, first.ref, start, exit) });
  }

  for (let k = 0; k < DEMO_REGISTRATION_ERRORS; k++) {
    for (;;) {
      const candidate = named[rng.int(0, named.length - 1)];
      if (candidate.row.exit_reason === 'registration_error') continue;
      const start = toDay(candidate.row.start_date);
      markRegistrationError(candidate.row, Math.min(today, start + rng.int(0, 3)));
      break;
    }
  }

  // About 2 % anonymous registrations, spread as the interventions' volumes.
  const anonymousCount = Math.round((named.length * 0.02) / 0.98);
  const bySize = weighted(slots.map((s) => [s, s.iv.persons] as const));
  const enrolments = named.map((n) => n.row);
  for (let i = 0; i < anonymousCount; i++) {
    const slot = rng.draw(bySize);
    enrolments.push(anonymousEnrolment(rng, context(slot), rng.draw(ANONYMOUS_KINDS), drawStart()));
  }
  enrolments.sort(byStart);

  const interventions: RawRecord[] = INTERVENTIONS.map((iv) => ({
    code: iv.code,
    name: iv.name,
    owner: iv.owner,
    association: DEMO_ASSOCIATION,
    // Standing services began years before the window; Demokraften is a project that started
    // with it and runs a year past `today`.
    start_date: iv.code === 'KRAFTEN' ? fromDay(windowStart - civilFromDay(windowStart).d + 1) : `${year - (iv.code === 'AVANTI' ? 8 : 10)}-01-01`,
    end_date: iv.code === 'KRAFTEN' ? `${year + 1}-12-31` : '',
    orientation: 'individual',
    follow_up: 'individual',
    places: String(iv.places),
    volume_target: String(iv.volumeTarget),
  }));
  const teams = INTERVENTIONS.flatMap((iv) => iv.teams.map(([name]) => ({ intervention: iv.code, name })));
  return { organisations: ORGANISATIONS.map((o) => ({ ...o })), interventions, enrolments, teams };
}

function byStart(a: RawRecord, b: RawRecord): number {
  return (
    cmp(a.start_date, b.start_date) || cmp(a.intervention, b.intervention) || cmp(a.participant_ref, b.participant_ref)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
