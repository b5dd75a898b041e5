import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  ENROLMENT_HEADERS, generateDemoData, generateScaleData, generateScaleEnrolments, INTERVENTION_HEADERS,
  ORGANISATION_HEADERS, scales, toCsv, type RawRecord,
} from './generate.js';

// Independent of the generator's own Luhn: doubling every other digit from the left of YYMMDDNNNC.
function luhnValid(tenDigits: string): boolean {
  const sum = [...tenDigits].reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + Math.floor(d / 10) + (d % 10);
  }, 0);
  return sum % 10 === 0;
}

const demo = generateDemoData();
const TODAY = '2026-11-01';
const named = (rows: RawRecord[]) => rows.filter((r) => r.anonymous === 'nej' && r.consent === 'ja' && r.protected_identity === 'nej');
const isAnonymous = (r: RawRecord) => r.anonymous === 'ja' || r.consent === 'nej' || r.protected_identity === 'ja';
const counted = (rows: RawRecord[]) => rows.filter((r) => r.exit_date && r.exit_reason !== 'registration_error');

function birthDate(pnr: string): Date {
  return new Date(Date.UTC(Number(pnr.slice(0, 4)), Number(pnr.slice(4, 6)) - 1, Number(pnr.slice(6, 8))));
}

function ageAt(pnr: string, iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const b = birthDate(pnr);
  const before = m - 1 < b.getUTCMonth() || (m - 1 === b.getUTCMonth() && d < b.getUTCDate());
  return y - b.getUTCFullYear() - (before ? 1 : 0);
}

/** The checks every generated data set must pass, demo or scale. */
function checkIntegrity(data: ReturnType<typeof generateDemoData>, today: string) {
  const orgs = new Map(data.organisations.map((o) => [o.code, o]));
  const interventions = new Map(data.interventions.map((i) => [i.code, i]));
  expect(orgs.size).toBe(data.organisations.length);
  expect(interventions.size).toBe(data.interventions.length);
  for (const o of data.organisations) {
    expect(Object.keys(o)).toEqual([...ORGANISATION_HEADERS]);
    expect(o.org_number).toMatch(/^\d{6}-\d{4}$/);
  }
  for (const i of data.interventions) {
    expect(Object.keys(i)).toEqual([...INTERVENTION_HEADERS]);
    expect(orgs.get(i.owner)?.association).toBe(i.association);
    expect(i.start_date <= today).toBe(true);
  }
  const teams = new Set(data.teams.map((t) => `${t.intervention}/${t.name}`));
  const refToPnr = new Map<string, string>();
  const pnrToRef = new Map<string, string>();
  const keys = new Set<string>();
  for (const r of data.enrolments) {
    expect(Object.keys(r)).toEqual([...ENROLMENT_HEADERS]);
    const iv = interventions.get(r.intervention)!;
    expect(iv).toBeDefined();
    expect(r.team === '' || teams.has(`${r.intervention}/${r.team}`)).toBe(true);
    // Referrer: an organisation of the intervention's förbund.
    expect(orgs.get(r.referrer)?.association).toBe(iv.association);
    expect(r.start_date >= iv.start_date && r.start_date <= today).toBe(true);
    expect(r.exit_date === '' || (r.exit_date >= r.start_date && r.exit_date <= today)).toBe(true);
    expect(r.exit_reason !== '').toBe(r.exit_date !== '');
    if (!r.exit_date) expect(r.income_after + r.occupation_after).toBe('');
    expect(['woman', 'man', 'other']).toContain(r.gender);
    if (isAnonymous(r)) {
      expect([r.participant_ref, r.personnummer, r.first_name, r.last_name]).toEqual(['', '', '', '']);
      continue;
    }
    const pnr = r.personnummer;
    expect(pnr).toMatch(/^\d{8}-\d{4}$/);
    expect(luhnValid(pnr.slice(2, 8) + pnr.slice(9))).toBe(true);
    expect(birthDate(pnr).toISOString().slice(0, 10)).toBe(`${pnr.slice(0, 4)}-${pnr.slice(4, 6)}-${pnr.slice(6, 8)}`);
    expect(r.birth_year).toBe(pnr.slice(0, 4));
    if (r.gender !== 'other') expect(Number(pnr[11]) % 2).toBe(r.gender === 'man' ? 1 : 0);
    const age = ageAt(pnr, r.start_date);
    expect(age).toBeGreaterThanOrEqual(18);
    expect(age).toBeLessThanOrEqual(64);
    expect(r.participant_ref && r.first_name && r.last_name).toBeTruthy();
    // The import matches on (intervention, ref or personnummer, start_date): no duplicates.
    for (const k of [`ref/${r.intervention}/${r.participant_ref}/${r.start_date}`, `pnr/${r.intervention}/${pnr}/${r.start_date}`]) {
      expect(keys.has(k), k).toBe(false);
      keys.add(k);
    }
    // Within one controller a ref is one person, and a person one ref.
    const owner = iv.owner;
    const known = refToPnr.get(`${owner}/${r.participant_ref}`) ?? pnr;
    expect(known).toBe(pnr);
    refToPnr.set(`${owner}/${r.participant_ref}`, pnr);
    expect(pnrToRef.get(`${owner}/${pnr}`) ?? r.participant_ref).toBe(r.participant_ref);
    pnrToRef.set(`${owner}/${pnr}`, r.participant_ref);
  }
}

describe('generateDemoData', () => {
  it('is deterministic per seed', () => {
    expect(generateDemoData()).toEqual(demo);
    expect(generateDemoData({ seed: 1, today: TODAY })).toEqual(demo);
    const other = generateDemoData({ seed: 2 });
    expect(other.enrolments).not.toEqual(demo.enrolments);
    expect(other.organisations).toEqual(demo.organisations);
  });

  it('has the förbund, its four parties and the four interventions', () => {
    expect(demo.organisations.map((o) => [o.code, o.kind, o.association])).toEqual([
      ['FINSAM-DEMO', 'association', ''],
      ['DEMOSTAD', 'municipality', 'FINSAM-DEMO'],
      ['AF', 'employment_service', 'FINSAM-DEMO'],
      ['FK', 'social_insurance', 'FINSAM-DEMO'],
      ['REGION', 'region', 'FINSAM-DEMO'],
    ]);
    expect(demo.interventions.map((i) => [i.code, i.owner])).toEqual([
      ['AVANTI', 'DEMOSTAD'], ['AKTIVITETSCENTER', 'DEMOSTAD'], ['KRAFTEN', 'DEMOSTAD'], ['AMT', 'AF'],
    ]);
  });

  it('keeps every row consistent and importable', () => {
    checkIntegrity(demo, TODAY);
  });

  it('ends at another today when asked', () => {
    const data = generateDemoData({ today: '2024-03-15', seed: 5 });
    checkIntegrity(data, '2024-03-15');
    expect(data.enrolments.some((r) => r.start_date.startsWith('2024-03'))).toBe(true);
  });

  it('has realistic proportions', () => {
    const rows = demo.enrolments;
    expect(rows.length).toBeGreaterThanOrEqual(3000);
    expect(rows.length).toBeLessThanOrEqual(4000);
    const people = named(rows);
    const exits = counted(rows);
    const share = (n: number, of: number) => n / of;
    const reasons = (codes: string[]) => exits.filter((r) => codes.includes(r.exit_reason)).length;
    expect(share(reasons(['work', 'subsidised_work', 'studies']), exits.length)).toBeGreaterThan(0.2);
    expect(share(reasons(['work', 'subsidised_work', 'studies']), exits.length)).toBeLessThan(0.45);
    expect(share(reasons(['work', 'subsidised_work']), exits.length)).toBeGreaterThan(0.15);
    expect(share(reasons(['studies']), exits.length)).toBeGreaterThan(0.05);
    expect(share(reasons(['other_intervention', 'rehab_need_clarified', 'job_seeking']), exits.length)).toBeGreaterThan(0.3);
    expect(reasons(['interrupted'])).toBeGreaterThan(0);
    expect(rows.filter((r) => r.exit_reason === 'registration_error')).toHaveLength(5);
    const active = share(people.filter((r) => !r.exit_date).length, people.length);
    expect(active).toBeGreaterThan(0.15);
    expect(active).toBeLessThan(0.25);
    const anonymous = rows.filter(isAnonymous);
    expect(share(anonymous.length, rows.length)).toBeGreaterThan(0.01);
    expect(share(anonymous.length, rows.length)).toBeLessThan(0.03);
    for (const flag of ['anonymous', 'consent', 'protected_identity']) {
      expect(anonymous.some((r) => r[flag] === (flag === 'consent' ? 'nej' : 'ja'))).toBe(true);
    }
    const women = share(rows.filter((r) => r.gender === 'woman').length, rows.length);
    expect(women).toBeGreaterThan(0.4);
    expect(women).toBeLessThan(0.6);
    const under30 = share(people.filter((r) => ageAt(r.personnummer, r.start_date) < 30).length, people.length);
    expect(under30).toBeGreaterThan(0.1);
    expect(under30).toBeLessThan(0.35);
    // Some persons come back: the same ref with another start date.
    const perRef = new Map<string, number>();
    for (const r of people) perRef.set(r.participant_ref, (perRef.get(r.participant_ref) ?? 0) + 1);
    expect([...perRef.values()].filter((n) => n > 1).length).toBeGreaterThan(20);
  });

  it('spreads KRAFTEN over ten teams', () => {
    const teams = demo.teams.filter((t) => t.intervention === 'KRAFTEN').map((t) => t.name);
    expect(new Set(teams).size).toBe(10);
    const kraften = demo.enrolments.filter((r) => r.intervention === 'KRAFTEN');
    const used = new Map<string, number>();
    for (const r of kraften) used.set(r.team, (used.get(r.team) ?? 0) + 1);
    expect([...used.keys()].sort()).toEqual([...teams].sort());
    for (const n of used.values()) expect(n / kraften.length).toBeGreaterThan(0.04);
    expect(demo.enrolments.filter((r) => r.intervention === 'AVANTI' || r.intervention === 'AMT').every((r) => r.team === '')).toBe(true);
  });
});

describe('toCsv', () => {
  it('quotes where needed and round-trips', () => {
    const records = [
      { code: 'X', name: 'Demo, "Kraften"', kind: 'provider', org_number: '', association: 'A' },
      { code: 'Y', name: 'två\nrader', kind: 'provider', org_number: '556000-0000', association: '' },
    ];
    const text = toCsv(records, [...ORGANISATION_HEADERS]);
    expect(text.split('\n')[0]).toBe('code,name,kind,org_number,association');
    expect(text).toContain('X,"Demo, ""Kraften""",provider,,A\n');
    expect(parse(text, { columns: true })).toEqual(records);
  });

  it('writes the demo enrolments so that they parse back unchanged', () => {
    expect(parse(toCsv(demo.enrolments, [...ENROLMENT_HEADERS]), { columns: true })).toEqual(demo.enrolments);
  });
});

describe('generateScaleData', () => {
  it('produces exactly the requested counts for the tiny scale', () => {
    const data = generateScaleData(scales.tiny);
    expect(data.enrolments).toHaveLength(scales.tiny.enrolments);
    expect(data.interventions).toHaveLength(scales.tiny.associations * scales.tiny.interventionsPerAssociation);
    expect(data.organisations).toHaveLength(scales.tiny.associations * 5);
    checkIntegrity(data, `${scales.tiny.endYear}-12-31`);
    const firstYear = String(scales.tiny.endYear - scales.tiny.years + 1);
    expect(data.enrolments.every((r) => r.start_date >= `${firstYear}-01-01`)).toBe(true);
    const opts = { seed: 3, associations: 3, interventionsPerAssociation: 7, enrolments: 321, years: 4, endYear: 2020 };
    const other = generateScaleData(opts);
    expect(other.interventions).toHaveLength(21);
    expect(other.enrolments).toHaveLength(321);
    expect(new Set(other.interventions.map((i) => i.association)).size).toBe(3);
  });

  it('is deterministic, and the stream equals the array', () => {
    const a = generateScaleData({ ...scales.tiny, seed: 9 });
    expect(generateScaleData({ ...scales.tiny, seed: 9 })).toEqual(a);
    expect(generateScaleData({ ...scales.tiny, seed: 10 }).enrolments).not.toEqual(a.enrolments);
    expect([...generateScaleEnrolments({ ...scales.tiny, seed: 9 })]).toEqual(a.enrolments);
  });

  it('has realistic proportions at scale S', () => {
    const rows = [...generateScaleEnrolments(scales.S)];
    expect(rows).toHaveLength(10_000);
    const share = (pred: (r: RawRecord) => boolean) => rows.filter(pred).length / rows.length;
    expect(share((r) => r.consent === 'ja')).toBeGreaterThan(0.93);
    expect(share((r) => r.consent === 'ja')).toBeLessThan(0.97);
    expect(share((r) => r.anonymous === 'ja')).toBeGreaterThan(0.02);
    expect(share((r) => r.anonymous === 'ja')).toBeLessThan(0.04);
    expect(share((r) => r.exit_date !== '')).toBeGreaterThan(0.8);
    expect(share((r) => r.exit_date !== '')).toBeLessThan(0.9);
    const exits = counted(rows);
    const wos = exits.filter((r) => ['work', 'subsidised_work', 'studies'].includes(r.exit_reason)).length / exits.length;
    expect(wos).toBeGreaterThan(0.2);
    expect(wos).toBeLessThan(0.45);
    // Spread over every year of the window.
    const years = new Set(rows.map((r) => r.start_date.slice(0, 4)));
    expect([...years].sort()).toEqual(['2023', '2024', '2025']);
  });
});
