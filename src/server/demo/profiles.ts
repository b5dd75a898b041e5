/**
 * The four kinds of intervention in the seeds and the proportions their participants show.
 * Sources (shared/seeds): Avanti 2018 exit table (39 % to work or studies, 24 women / 41 men,
 * 49 of 168 under 30); Aktivitetscenter 2018 (62 % women, 9 % under 30, 465 of 491 exits to
 * further measures, 91 % complete); Malmökraften (jobb- och utvecklingsgarantin, half on
 * försörjningsstöd, ~30 % to work or studies as the Malmö unit); AMT Sundsvall 2022 (42 % women,
 * 25–64, försörjningsstöd, 111 employments of which 82 with lönebidrag, 9 studies).
 */
import { weighted, type Weighted } from './prng.js';
import type { Role } from './types.js';

export type ProfileKey = 'sfi' | 'activity' | 'team' | 'marketplace';

export interface Profile {
  readonly key: ProfileKey;
  readonly label: string;
  readonly womanShare: number;
  readonly otherShare: number;
  /** Age brackets [from, to] inclusive, at the start date. */
  readonly ages: Weighted<readonly [number, number]>;
  /** Length of an enrolment in days: log-normal around the median, clamped to [min, max]. */
  readonly duration: { readonly median: number; readonly sigma: number; readonly min: number; readonly max: number };
  readonly exitReasons: Weighted<string>;
  /** Women's exit reasons where they differ (Avanti: fewer women to work, more to ordinary SFI). */
  readonly exitReasonsWoman?: Weighted<string>;
  readonly incomeBefore: Weighted<string>;
  readonly occupationBefore: Weighted<string>;
  readonly education: Weighted<string>;
  readonly referrers: Weighted<Role>;
}

const AGES = (w: readonly [number, number, number, number, number]): Weighted<readonly [number, number]> =>
  weighted<readonly [number, number]>([
    [[18, 24], w[0]],
    [[25, 29], w[1]],
    [[30, 39], w[2]],
    [[40, 49], w[3]],
    [[50, 64], w[4]],
  ]);

const AVANTI_EXITS: [string, number][] = [
  ['work', 22], ['subsidised_work', 3], ['studies', 14], ['job_seeking', 21],
  ['rehab_need_clarified', 14], ['parental_leave', 3], ['moved', 4], ['sick_leave', 2],
  ['sfi', 14], ['other', 1], ['interrupted', 3],
];
const AVANTI_WOMAN_FACTOR: Record<string, number> = { work: 0.35, subsidised_work: 0.5, rehab_need_clarified: 1.6, sfi: 2.6, parental_leave: 3 };

export const PROFILES: Record<ProfileKey, Profile> = {
  sfi: {
    key: 'sfi',
    label: 'SFI och arbetsmarknadsinsats',
    womanShare: 0.39,
    otherShare: 0.003,
    ages: AGES([11, 18, 33, 24, 14]),
    duration: { median: 330, sigma: 0.45, min: 30, max: 548 },
    exitReasons: weighted(AVANTI_EXITS),
    exitReasonsWoman: weighted(AVANTI_EXITS.map(([code, w]) => [code, w * (AVANTI_WOMAN_FACTOR[code] ?? 1)] as const)),
    incomeBefore: weighted([
      ['establishment_benefit', 30], ['establishment_benefit|social_assistance', 25], ['social_assistance', 25],
      ['none_public', 8], ['unknown', 12],
    ]),
    occupationBefore: weighted([['none', 70], ['studying', 20], ['job_seeking', 10]]),
    education: weighted([['primary_short', 30], ['primary', 20], ['upper_secondary', 25], ['post_secondary', 15], ['unknown', 10]]),
    referrers: weighted<Role>([['municipality', 55], ['af', 45]]),
  },
  activity: {
    key: 'activity',
    label: 'Arbetsträning och arbetsförmågebedömning',
    womanShare: 0.62,
    otherShare: 0.004,
    ages: AGES([5, 8, 25, 29, 33]),
    duration: { median: 85, sigma: 0.5, min: 14, max: 300 },
    exitReasons: weighted([
      ['work', 5], ['subsidised_work', 4], ['studies', 8], ['job_seeking', 19], ['other_intervention', 29],
      ['rehab_need_clarified', 21], ['sickness_compensation', 2], ['sick_leave', 3], ['parental_leave', 1],
      ['moved', 1], ['other', 2], ['interrupted', 5],
    ]),
    incomeBefore: weighted([
      ['sickness_benefit', 22], ['activity_compensation', 12], ['sickness_compensation', 4], ['social_assistance', 22],
      ['activity_support', 14], ['activity_support|social_assistance', 9], ['none_public', 5], ['other', 3], ['unknown', 6],
    ]),
    occupationBefore: weighted([['none', 75], ['job_seeking', 20], ['working', 5]]),
    education: weighted([['primary_short', 5], ['primary', 25], ['upper_secondary', 45], ['post_secondary', 15], ['unknown', 10]]),
    referrers: weighted<Role>([['municipality', 40], ['fk', 35], ['region', 15], ['af', 10]]),
  },
  team: {
    key: 'team',
    label: 'Samverkansteam',
    womanShare: 0.45,
    otherShare: 0.004,
    ages: AGES([11, 14, 29, 24, 22]),
    duration: { median: 210, sigma: 0.6, min: 21, max: 548 },
    exitReasons: weighted([
      ['work', 16], ['subsidised_work', 10], ['studies', 10], ['job_seeking', 17], ['other_intervention', 17],
      ['rehab_need_clarified', 6], ['sickness_compensation', 2], ['sick_leave', 5], ['parental_leave', 3],
      ['moved', 4], ['other', 5], ['interrupted', 5],
    ]),
    incomeBefore: weighted([
      ['activity_support', 45], ['activity_support|social_assistance', 40], ['unemployment_insurance', 5],
      ['social_assistance', 5], ['unknown', 5],
    ]),
    occupationBefore: weighted([['job_seeking', 85], ['none', 15]]),
    education: weighted([['primary_short', 12], ['primary', 25], ['upper_secondary', 38], ['post_secondary', 12], ['unknown', 13]]),
    referrers: weighted<Role>([['af', 65], ['municipality', 30], ['fk', 3], ['region', 2]]),
  },
  marketplace: {
    key: 'marketplace',
    label: 'Arbetsmarknadstorg',
    womanShare: 0.42,
    otherShare: 0.004,
    ages: AGES([0, 10, 30, 30, 30]),
    duration: { median: 330, sigma: 0.5, min: 30, max: 548 },
    exitReasons: weighted([
      ['work', 14], ['subsidised_work', 36], ['studies', 7], ['job_seeking', 12], ['other_intervention', 8],
      ['rehab_need_clarified', 5], ['sickness_compensation', 6], ['sick_leave', 4], ['moved', 2], ['other', 3],
      ['interrupted', 3], ['deceased', 0.3],
    ]),
    incomeBefore: weighted([
      ['social_assistance', 60], ['activity_support|social_assistance', 20], ['activity_support', 8],
      ['none_public', 5], ['other', 3], ['unknown', 4],
    ]),
    occupationBefore: weighted([['none', 60], ['job_seeking', 40]]),
    education: weighted([['primary_short', 8], ['primary', 30], ['upper_secondary', 42], ['post_secondary', 8], ['unknown', 12]]),
    referrers: weighted<Role>([['municipality', 55], ['af', 30], ['region', 15]]),
  },
};

/** Exit reasons after which a person plausibly comes back to an intervention later. */
export const REENROL_REASONS: ReadonlySet<string> = new Set([
  'interrupted', 'sick_leave', 'parental_leave', 'job_seeking', 'other', 'other_intervention', 'moved',
]);

/** Team names for multi-agency team interventions (Malmökraften had ten). */
export const AREA_TEAMS = [
  'Team Norr', 'Team Söder', 'Team Öster', 'Team Väster', 'Team Centrum',
  'Team Hamnen', 'Team Slätten', 'Team Åsen', 'Team Dalen', 'Team Kusten',
] as const;

/** Work teams of an activity centre (Aktivitetscenter: arbetsträning, arbetsförmågebedömning, aktivering i grupp). */
export const ACTIVITY_TEAMS = ['Arbetsträning', 'Arbetsförmågebedömning', 'Aktivering i grupp'] as const;
