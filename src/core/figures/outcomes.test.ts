import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveCode, type Gender } from '../code-lists.js';
import { yearOf } from '../dates.js';
import { parsePersonnummer } from '../personnummer.js';
import { outcomesReportSchema } from '../schemas/outcomes-report.js';
import {
  computeOutcomes,
  isActive,
  isActiveOn,
  isEnrolled,
  isExited,
  type AnonymousFact,
  type EnrolmentFact,
  type Period,
} from './outcomes.js';

const P: Period = { from: '2018-01-01', to: '2018-12-31' };
const scope = { intervention: 'X' };

function fact(overrides: Partial<EnrolmentFact>): EnrolmentFact {
  return { gender: 'woman', birthDate: null, birthYear: 1980, startDate: '2017-06-01', exitDate: null, exitReason: null, ...overrides };
}

describe('flow predicates at the period boundaries', () => {
  it('exit on the day before from is neither active nor exited', () => {
    const e = fact({ exitDate: '2017-12-31', exitReason: 'work' });
    expect([isActive(e, P), isExited(e, P), isEnrolled(e, P)]).toEqual([false, false, false]);
  });
  it('exit on from is active and exited', () => {
    const e = fact({ exitDate: '2018-01-01', exitReason: 'work' });
    expect([isActive(e, P), isExited(e, P)]).toEqual([true, true]);
  });
  it('start on to is enrolled and active; start the day after is neither', () => {
    expect([isEnrolled(fact({ startDate: '2018-12-31' }), P), isActive(fact({ startDate: '2018-12-31' }), P)]).toEqual([true, true]);
    expect([isEnrolled(fact({ startDate: '2019-01-01' }), P), isActive(fact({ startDate: '2019-01-01' }), P)]).toEqual([false, false]);
  });
  it('exit on to is exited; exit the day after is not', () => {
    expect(isExited(fact({ exitDate: '2018-12-31', exitReason: 'studies' }), P)).toBe(true);
    expect(isExited(fact({ exitDate: '2019-01-01', exitReason: 'studies' }), P)).toBe(false);
  });
  it('start on from is enrolled', () => {
    expect(isEnrolled(fact({ startDate: '2018-01-01' }), P)).toBe(true);
    expect(isEnrolled(fact({ startDate: '2017-12-31' }), P)).toBe(false);
  });
  it('a registration error counts nowhere', () => {
    const e = fact({ startDate: '2018-03-01', exitDate: '2018-03-02', exitReason: 'registration_error' });
    expect([isEnrolled(e, P), isActive(e, P), isExited(e, P), isActiveOn(e, '2018-03-01')]).toEqual([false, false, false, false]);
  });
  it('active on a day includes the start and the exit day', () => {
    const e = fact({ startDate: '2018-02-01', exitDate: '2018-02-10', exitReason: 'work' });
    expect(['2018-01-31', '2018-02-01', '2018-02-10', '2018-02-11'].map((d) => isActiveOn(e, d))).toEqual([false, true, true, false]);
  });
});

describe('computeOutcomes', () => {
  const enrolments: EnrolmentFact[] = [
    fact({ gender: 'woman', birthYear: 1990, startDate: '2018-01-01', exitDate: '2018-12-31', exitReason: 'work' }), // 28
    fact({ gender: 'man', birthDate: '1988-06-15', birthYear: null, startDate: '2018-06-14', exitDate: '2018-09-01', exitReason: 'subsidised_work' }), // 29
    fact({ gender: 'man', birthDate: '1988-06-15', birthYear: null, startDate: '2018-06-15', exitDate: '2017-12-31', exitReason: 'studies' }), // 30, bad exit
    fact({ gender: 'other', birthYear: null, startDate: '2016-01-01', exitDate: '2018-01-01', exitReason: 'sfi' }), // age unknown
    fact({ gender: 'woman', startDate: '2018-12-31' }),
    fact({ gender: 'woman', startDate: '2019-01-01' }),
    fact({ gender: 'man', startDate: '2017-01-01', exitDate: '2017-12-31', exitReason: 'work' }),
    fact({ gender: 'man', startDate: '2018-03-01', exitDate: '2018-03-02', exitReason: 'registration_error' }),
  ];
  const anonymous: AnonymousFact[] = [
    { year: 2017, gender: 'woman', count: 2 },
    { year: 2018, gender: 'man', count: 1 },
    { year: 2019, gender: 'other', count: 4 },
  ];

  it('counts the flow, reasons and work-or-studies by the domain definitions', () => {
    const report = computeOutcomes({ scope, period: P, enrolments, anonymous });
    expect(report.flow).toEqual({
      enrolled: { woman: 2, man: 2, other: 0, total: 4, under_30: 2 },
      active: { woman: 2, man: 1, other: 1, total: 4, under_30: 2 },
      exited: { woman: 1, man: 1, other: 1, total: 3, under_30: 2 },
      anonymous: { woman: 0, man: 1, other: 0, total: 1 },
    });
    expect(report.exit_reasons).toEqual([
      { code: 'work', label: 'Arbete', woman: 1, man: 0, other: 0, total: 1, share: 1 / 3 },
      { code: 'subsidised_work', label: 'Subventionerad anställning', woman: 0, man: 1, other: 0, total: 1, share: 1 / 3 },
      { code: 'sfi', label: 'SFI', woman: 0, man: 0, other: 1, total: 1, share: 1 / 3 },
    ]);
    expect(report.work_or_studies).toEqual({
      woman: { count: 1, share: 1 },
      man: { count: 1, share: 1 },
      other: { count: 0, share: 0 },
      total: { count: 2, share: 2 / 3 },
    });
    expect(Object.keys(report)).toEqual(['report', 'version', 'scope', 'period', 'rules', 'flow', 'exit_reasons', 'work_or_studies']);
    expect(outcomesReportSchema.parse(report)).toEqual(report);
  });

  it('states and applies subsidised_counts_as_work = false', () => {
    const report = computeOutcomes({ scope, period: P, rules: { subsidised_counts_as_work: false }, enrolments, anonymous });
    expect(report.rules).toEqual({ subsidised_counts_as_work: false, suppression_threshold: null });
    expect(report.work_or_studies.man).toEqual({ count: 0, share: 0 });
    expect(report.work_or_studies.total).toEqual({ count: 1, share: 1 / 3 });
  });

  it('counts anonymous registrations of every year the period touches', () => {
    const spanning = { from: '2017-11-01', to: '2018-02-28' };
    expect(computeOutcomes({ scope, period: spanning, enrolments: [], anonymous }).flow.anonymous).toEqual({ woman: 2, man: 1, other: 0, total: 3 });
  });

  it('gives null shares and no rows when nobody exited', () => {
    const report = computeOutcomes({ scope: { association: 'F' }, period: { from: '2020-01-01', to: '2020-01-31' }, enrolments, anonymous: [] });
    expect(report.scope).toEqual({ association: 'F' });
    expect(report.exit_reasons).toEqual([]);
    expect(report.work_or_studies.total).toEqual({ count: 0, share: null });
  });

  it('applies suppression when the rules ask for a threshold', () => {
    const report = computeOutcomes({ scope, period: P, rules: { suppression_threshold: 5 }, enrolments, anonymous });
    expect(report.rules.suppression_threshold).toBe(5);
    expect(report.flow.enrolled.woman).toBeNull();
    expect(outcomesReportSchema.parse(report)).toEqual(report);
  });
});

// The shared folder sits beside the repository: <repo>/../shared.
const avanti = (file: string) => new URL(`../../../../shared/data/avanti-2018/${file}`, import.meta.url);

/** enrolments.csv has no quoted cells, so a plain split is enough here. */
function readAvanti(): { enrolments: EnrolmentFact[]; anonymous: AnonymousFact[] } {
  const [header, ...lines] = readFileSync(avanti('enrolments.csv'), 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  const enrolments: EnrolmentFact[] = [];
  const anonymous: AnonymousFact[] = [];
  for (const line of lines) {
    const cells = line.split(',');
    const row = Object.fromEntries(columns.map((c, i) => [c, cells[i]?.trim() ?? '']));
    if (row.intervention !== 'AVANTI') continue;
    const yes = (v: string) => ['ja', 'true'].includes(v.toLowerCase());
    const gender = resolveCode('gender', row.gender) as Gender;
    if (yes(row.anonymous) || !yes(row.consent || 'ja') || yes(row.protected_identity)) {
      anonymous.push({ year: yearOf(row.start_date), gender, count: 1 });
      continue;
    }
    enrolments.push({
      gender,
      birthDate: row.personnummer ? (parsePersonnummer(row.personnummer)?.birthDate ?? null) : null,
      birthYear: row.birth_year ? Number(row.birth_year) : null,
      startDate: row.start_date,
      exitDate: row.exit_date || null,
      exitReason: row.exit_reason ? (resolveCode('exit_reason', row.exit_reason) ?? row.exit_reason) : null,
    });
  }
  return { enrolments, anonymous };
}

describe('Avanti 2018 (shared test data)', () => {
  it('equals expected-outcomes.json', () => {
    const expected = JSON.parse(readFileSync(avanti('expected-outcomes.json'), 'utf8'));
    const { enrolments, anonymous } = readAvanti();
    const report = computeOutcomes({ scope: { intervention: 'AVANTI' }, period: P, enrolments, anonymous });
    expect(report).toEqual(expected);
    expect(JSON.stringify(report)).toBe(JSON.stringify(expected));
  });

  it('stays a valid report after suppression, with every small cell hidden', () => {
    const { enrolments, anonymous } = readAvanti();
    const report = computeOutcomes({ scope: { intervention: 'AVANTI' }, period: P, rules: { suppression_threshold: 5 }, enrolments, anonymous });
    expect(outcomesReportSchema.parse(report)).toEqual(report);
    const cells = [report.flow.enrolled, report.flow.active, report.flow.exited, report.flow.anonymous, ...report.exit_reasons]
      .flatMap((line) => [line.woman, line.man, line.other, line.total]);
    expect(cells.filter((x) => x !== null && x >= 1 && x <= 4)).toEqual([]);
  });
});
