/**
 * Benchmark data at national scale (product.md: ~75 förbund, 1,000 interventions, 100,000
 * participants a year, ten years ≈ 1 million enrolments). Enrolments stream one by one from
 * `generateScaleEnrolments`, so the L scale never has to sit in memory.
 *
 * Organisations: every förbund F001… gets its own four member parties (F001-KOM, F001-AF,
 * F001-FK, F001-REG). In reality AF and FK are one national authority that is a member of every
 * förbund, but `organisations.csv` has a single `association` column, so a shared AF row could
 * belong to one förbund only. Local codes keep each förbund's scope self-contained (which is also
 * what the benchmark wants to exercise: per-förbund aggregates and per-controller data) and keep
 * every org_number unique; they are made up, with a valid check digit.
 */
import { dayFromCivil, workday } from './dates.js';
import { orgNumber, PersonnummerAllocator } from './personnummer.js';
import { ACTIVITY_TEAMS, AREA_TEAMS, PROFILES, REENROL_REASONS, type Profile, type ProfileKey } from './profiles.js';
import { deriveSeed, Rng, weighted, type Weighted } from './prng.js';
import {
  ageOn, anonymousEnrolment, createPerson, drawDuration, markRegistrationError, namedEnrolment,
  type AnonymousKind, type RowContext,
} from './records.js';
import type { GeneratedData, RawRecord, Role } from './types.js';

export interface ScaleOptions {
  seed?: number;
  associations: number;
  interventionsPerAssociation: number;
  enrolments: number;
  years: number;
  /** Enrolments start from 1 January of endYear − years + 1; the data stands as of 31 December endYear. */
  endYear: number;
}

export const scales = {
  tiny: { associations: 2, interventionsPerAssociation: 4, enrolments: 1_000, years: 2, endYear: 2025 },
  S: { associations: 1, interventionsPerAssociation: 10, enrolments: 10_000, years: 3, endYear: 2025 },
  M: { associations: 10, interventionsPerAssociation: 20, enrolments: 100_000, years: 5, endYear: 2025 },
  L: { associations: 50, interventionsPerAssociation: 20, enrolments: 1_000_000, years: 10, endYear: 2025 },
} as const satisfies Record<string, ScaleOptions>;

/** Shares over all rows: 5 % anonymous registrations (so 95 % consents), 3 % of rows anonymous=ja. */
const ANONYMOUS_SHARE = 0.05;
const ANONYMOUS_KINDS: Weighted<AnonymousKind> = weighted([['anonymous', 60], ['no_consent', 28], ['protected', 12]]);
/** Exited among named first enrolments; with re-enrolments and anonymous rows ≈ 85 % of all rows. */
const EXITED_SHARE = 0.89;
const REGISTRATION_ERROR_SHARE = 0.0015;
const REENROL_SHARE = 0.14;

const PROFILE_MIX: Weighted<ProfileKey> = weighted<ProfileKey>([['activity', 35], ['team', 25], ['sfi', 15], ['marketplace', 25]]);
const PROFILE_VOLUME: Record<ProfileKey, number> = { activity: 2, team: 2, sfi: 0.7, marketplace: 1 };
const OWNERS: Record<ProfileKey, Weighted<Role>> = {
  sfi: weighted<Role>([['municipality', 1]]),
  activity: weighted<Role>([['municipality', 60], ['region', 30], ['fk', 10]]),
  team: weighted<Role>([['municipality', 60], ['af', 40]]),
  marketplace: weighted<Role>([['af', 60], ['municipality', 40]]),
};
const MEMBERS: readonly { role: Role; suffix: string; kind: string; first4: string; name: (n: string) => string }[] = [
  { role: 'municipality', suffix: 'KOM', kind: 'municipality', first4: '2120', name: (n) => `Kommun ${n}` },
  { role: 'af', suffix: 'AF', kind: 'employment_service', first4: '2021', name: (n) => `Arbetsförmedlingen (förbund ${n})` },
  { role: 'fk', suffix: 'FK', kind: 'social_insurance', first4: '2022', name: (n) => `Försäkringskassan (förbund ${n})` },
  { role: 'region', suffix: 'REG', kind: 'region', first4: '2321', name: (n) => `Region ${n}` },
];

interface Slot {
  readonly code: string;
  readonly owner: string;
  readonly profile: Profile;
  readonly teams: readonly string[];
  readonly parties: Readonly<Record<Role, string>>;
}

/** Organisations, interventions and teams of a scale, plus what the enrolment stream needs. */
export interface ScalePlan {
  organisations: RawRecord[];
  interventions: RawRecord[];
  teams: { intervention: string; name: string }[];
  slots: Weighted<Slot>;
  byOwner: Map<string, Slot[]>;
  windowStart: number;
  cutoff: number;
}

function validate(opts: ScaleOptions): void {
  for (const key of ['associations', 'interventionsPerAssociation', 'enrolments', 'years', 'endYear'] as const) {
    const v = opts[key];
    if (!Number.isInteger(v) || v < (key === 'enrolments' ? 0 : 1)) throw new Error(`${key} must be a positive integer, got ${v}`);
  }
}

export function scalePlan(opts: ScaleOptions): ScalePlan {
  validate(opts);
  const rng = new Rng(deriveSeed(opts.seed ?? 1, 1));
  const startYear = opts.endYear - opts.years + 1;
  const aWidth = Math.max(3, String(opts.associations).length);
  const iWidth = Math.max(3, String(opts.interventionsPerAssociation).length);
  const organisations: RawRecord[] = [];
  const drafts: { slot: Slot; association: string; weight: number; n: number; ownerYears: number }[] = [];
  for (let a = 1; a <= opts.associations; a++) {
    const num = String(a).padStart(aWidth, '0');
    const association = `F${num}`;
    const block = String(Math.floor(a / 1000)).padStart(2, '0');
    organisations.push({ code: association, name: `Samordningsförbundet ${num}`, kind: 'association', org_number: orgNumber(`2220${block}`, a), association: '' });
    const parties = {} as Record<Role, string>;
    for (const m of MEMBERS) {
      parties[m.role] = `${association}-${m.suffix}`;
      organisations.push({ code: parties[m.role], name: m.name(num), kind: m.kind, org_number: orgNumber(`${m.first4}${block}`, a), association });
    }
    for (let i = 1; i <= opts.interventionsPerAssociation; i++) {
      const profile = PROFILES[rng.draw(PROFILE_MIX)];
      const teamCount = profile.key === 'team' ? rng.int(4, AREA_TEAMS.length) : profile.key === 'activity' && rng.chance(0.5) ? ACTIVITY_TEAMS.length : 0;
      const teams = profile.key === 'team' ? AREA_TEAMS.slice(0, teamCount) : ACTIVITY_TEAMS.slice(0, teamCount);
      const slot: Slot = { code: `${association}-I${String(i).padStart(iWidth, '0')}`, owner: parties[rng.draw(OWNERS[profile.key])], profile, teams, parties };
      drafts.push({ slot, association, n: i, weight: rng.lognormal(1, 0.7) * PROFILE_VOLUME[profile.key], ownerYears: rng.int(0, 6) });
    }
  }
  const totalWeight = drafts.reduce((s, d) => s + d.weight, 0);
  const interventions: RawRecord[] = [];
  const teams: { intervention: string; name: string }[] = [];
  const byOwner = new Map<string, Slot[]>();
  for (const d of drafts) {
    const { slot, association } = d;
    const { median, sigma, min, max } = slot.profile.duration;
    const meanDays = Math.min(max, Math.max(min, median * Math.exp((sigma * sigma) / 2)));
    const perYear = (opts.enrolments * d.weight) / totalWeight / opts.years;
    const project = slot.profile.key === 'team';
    interventions.push({
      code: slot.code,
      name: `${slot.profile.label} ${association.slice(1)}-${d.n}`,
      owner: slot.owner,
      association,
      // Team interventions are projects with an end date after the data; services run on.
      start_date: `${startYear - (project ? 0 : d.ownerYears)}-01-01`,
      end_date: project ? `${opts.endYear + 1 + (d.ownerYears % 2)}-12-31` : '',
      orientation: 'individual',
      follow_up: 'individual',
      places: String(Math.max(5, Math.round((perYear * meanDays) / 365))),
      volume_target: String(Math.max(10, Math.round(perYear / 5) * 5)),
    });
    for (const name of slot.teams) teams.push({ intervention: slot.code, name });
    const list = byOwner.get(slot.owner) ?? [];
    list.push(slot);
    byOwner.set(slot.owner, list);
  }
  return {
    organisations,
    interventions,
    teams,
    slots: weighted(drafts.map((d) => [d.slot, d.weight] as const)),
    byOwner,
    windowStart: dayFromCivil(startYear, 1, 1),
    cutoff: dayFromCivil(opts.endYear, 12, 31),
  };
}

/**
 * Yields exactly `opts.enrolments` rows, one at a time, in generation order (not sorted by
 * date). Memory stays flat: only counters per owner and per birth date are kept.
 */
export function* generateScaleEnrolments(opts: ScaleOptions): Generator<RawRecord, void, undefined> {
  const plan = scalePlan(opts);
  const { windowStart, cutoff } = plan;
  const rng = new Rng(deriveSeed(opts.seed ?? 1, 2));
  const allocator = new PersonnummerAllocator();
  const refCounters = new Map<string, number>();
  const context = (slot: Slot): RowContext => ({
    intervention: slot.code,
    team: slot.teams.length > 0 ? rng.pick(slot.teams) : '',
    profile: slot.profile,
    referrer: slot.parties[rng.draw(slot.profile.referrers)],
  });
  const span = cutoff - windowStart;
  let emitted = 0;
  while (emitted < opts.enrolments) {
    const slot = rng.draw(plan.slots);
    if (rng.chance(ANONYMOUS_SHARE)) {
      emitted++;
      yield anonymousEnrolment(rng, context(slot), rng.draw(ANONYMOUS_KINDS), workday(rng.int(windowStart, cutoff), windowStart, cutoff));
      continue;
    }
    const length = Math.min(drawDuration(rng, slot.profile), span);
    let start: number;
    let exit: number | null;
    if (rng.chance(EXITED_SHARE)) {
      start = workday(rng.int(windowStart, cutoff - length), windowStart, cutoff - length);
      exit = Math.max(start, workday(start + length, start, cutoff));
    } else {
      // Still open at the cutoff: started less than one drawn duration before it.
      start = workday(rng.int(Math.max(windowStart, cutoff - length + 1), cutoff), windowStart, cutoff);
      exit = null;
    }
    const person = createPerson(rng, allocator, slot.profile, start);
    const n = (refCounters.get(slot.owner) ?? 0) + 1;
    refCounters.set(slot.owner, n);
    const ref = `${slot.owner}-${String(n).padStart(6, '0')}`;
    const row = namedEnrolment(rng, context(slot), person, ref, start, exit);
    if (rng.chance(REGISTRATION_ERROR_SHARE)) markRegistrationError(row, Math.min(cutoff, start + rng.int(0, 3)));
    emitted++;
    yield row;

    if (exit === null || emitted >= opts.enrolments || !REENROL_REASONS.has(row.exit_reason) || !rng.chance(REENROL_SHARE)) continue;
    const again = workday(exit + rng.int(21, 300), exit + 1, cutoff);
    if (again > cutoff || ageOn(person.birthDay, again) > 64) continue;
    const siblings = plan.byOwner.get(slot.owner) ?? [slot];
    const next = siblings.length > 1 && rng.chance(0.3) ? rng.pick(siblings) : slot;
    const end = again + drawDuration(rng, next.profile);
    const exitAgain = end > cutoff ? null : Math.max(again, workday(end, again, cutoff));
    emitted++;
    yield namedEnrolment(rng, context(next), person, ref, again, exitAgain);
  }
}

/** Organisations, interventions and teams only (for writing the small files before streaming). */
export function scaleMasterData(opts: ScaleOptions): Omit<GeneratedData, 'enrolments'> {
  const { organisations, interventions, teams } = scalePlan(opts);
  return { organisations, interventions, teams };
}

/** Everything in memory: fine up to M; for L stream `generateScaleEnrolments` instead. */
export function generateScaleData(opts: ScaleOptions): GeneratedData {
  return { ...scaleMasterData(opts), enrolments: Array.from(generateScaleEnrolments(opts)) };
}
