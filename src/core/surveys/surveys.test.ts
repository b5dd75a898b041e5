import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInQuestions } from './built-in.js';
import { distribution, type CategoryAnswer } from './distribution.js';
import { surveyGoal } from './goal.js';
import { fallbackChain, languageInfo, pickTranslation, surveyLanguages } from './languages.js';
import { pageTexts } from './page-texts.js';
import { categoriesOf, ordinalRange, parseAnswers, type Question } from './questionnaire.js';
import { stepChange, type OrdinalAnswer } from './step-change.js';

const seed = 13;
const genders = ['woman', 'man', 'other'] as const;

describe('the built-in questionnaire (Sundsvall slutrapport, Bilaga 2)', () => {
  it('has questions 1–10 and the gender question with the scales of the form', () => {
    const kinds = Object.fromEntries(builtInQuestions.map((q) => [q.key, q.kind]));
    expect(kinds).toMatchObject({ gender: 'single', q1: 'frequency', q2: 'frequency', q3: 'frequency', q4: 'frequency', q5: 'extent', q6: 'extent', q7: 'extent', q8: 'text', q9: 'text', q10: 'text' });
    expect(pageTexts.sv.frequency).toEqual(['Aldrig', 'Sällan', 'Ibland', 'Ofta', 'För det mesta', 'Alltid']);
    expect(pageTexts.sv.extent).toEqual(['Inte alls', 'Till liten del', 'Delvis', 'Till stor del', 'Till mycket stor del', 'Helt och hållet']);
  });

  it('ships Swedish, lätt svenska and English for every question, with a label for every option', () => {
    for (const question of builtInQuestions) {
      for (const language of ['sv', 'sv-easy', 'en'] as const) {
        const text = question.texts[language];
        expect(text?.text, `${question.key} ${language}`).toBeTruthy();
        if (question.options) expect(text?.options?.length).toBe(question.options.length);
        if (question.kind === 'step') expect(text?.options?.length).toBe(2);
      }
    }
  });

  it('asks start, during and exit the questions that stegförflyttning compares', () => {
    const start = builtInQuestions.filter((q) => q.variants.includes('start')).map((q) => q.key);
    const exit = builtInQuestions.filter((q) => q.variants.includes('exit') && ordinalRange(q)).map((q) => q.key);
    expect(start).toEqual(['gender', 'wellbeing', 'closeness', 'q8']);
    expect(exit).toContain('wellbeing');
    expect(exit).toContain('closeness');
  });
});

describe('languages', () => {
  it('has the page’s own texts in every language, none blank, and right to left for Arabic, Dari and Persian', () => {
    for (const language of surveyLanguages) {
      const texts = pageTexts[language];
      for (const [key, value] of Object.entries(texts)) {
        for (const v of [value].flat()) expect(String(v).trim(), `${language}.${key}`).not.toBe('');
      }
      expect(texts.progress).toContain('{n}');
      expect(texts.progress).toContain('{total}');
    }
    expect(surveyLanguages.filter((l) => languageInfo[l].dir === 'rtl')).toEqual(['ar', 'prs', 'fa']);
  });

  it('falls back to lätt svenska, then Swedish, so a question is never blank', () => {
    expect(fallbackChain('ar')).toEqual(['ar', 'sv-easy', 'sv']);
    expect(pickTranslation({ sv: 'Hej' }, 'so')).toEqual({ language: 'sv', value: 'Hej' });
    expect(pickTranslation({ sv: 'Hej', 'sv-easy': 'Hej hej', ar: 'مرحبا' }, 'ar')).toEqual({ language: 'ar', value: 'مرحبا' });
    fc.assert(
      fc.property(fc.constantFrom(...surveyLanguages), fc.subarray([...surveyLanguages]), (language, present) => {
        const texts = Object.fromEntries([...present, 'sv'].map((l) => [l, l]));
        expect(pickTranslation(texts, language)?.value).toBeTruthy();
      }),
      { seed, numRuns: 200 },
    );
  });
});

const question = (over: Partial<Question>): Question => ({ id: 'x', version: 1, key: 'x', kind: 'frequency', variants: ['start'], ...over });

describe('parseAnswers', () => {
  it('takes the question’s own values, skips empty fields and refuses anything else', () => {
    const questions = [
      question({ id: 'a', kind: 'frequency' }),
      question({ id: 'b', kind: 'step', range: { min: 1, max: 10 } }),
      question({ id: 'c', kind: 'multiple', options: ['x', 'y'] }),
      question({ id: 'd', kind: 'text' }),
      question({ id: 'e', kind: 'single', options: ['woman', 'man', 'other'] }),
    ];
    const ok = parseAnswers(questions, { qa: '6', qb: '10', qc: ['x', 'y'], qd: ' Lugn och ro ', qe: '' });
    expect(ok.invalid).toEqual([]);
    expect(Object.fromEntries(ok.answers)).toEqual({ a: { value: 6 }, b: { value: 10 }, c: { choices: ['x', 'y'] }, d: { text: 'Lugn och ro' } });
    const bad = parseAnswers(questions, { qa: '7', qb: '0', qc: 'z', qe: ['woman', 'man'] });
    expect(bad.invalid).toEqual(['a', 'b', 'c', 'e']);
  });
});

describe('distribution', () => {
  const categories = categoriesOf({ kind: 'frequency' });
  const answer = fc.record({ gender: fc.constantFrom(...genders, null), categories: fc.constantFrom(...categories).map((c) => [c]) });

  it('counts each answer once by gender and in total; unsuppressed it adds up', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 60 }), (answers: CategoryAnswer[]) => {
        const d = distribution(categories, answers, { suppress: false });
        expect(d.respondents.total).toBe(answers.length);
        for (const g of genders) {
          const expected = answers.filter((a) => (a.gender ?? 'other') === g).length;
          expect(d.respondents[g]).toBe(expected);
          expect(d.categories.reduce((s, c) => s + (c[g] ?? 0), 0)).toBe(expected);
        }
        for (const row of d.categories) expect(row.total).toBe(answers.filter((a) => a.categories[0] === row.code).length);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('suppressed, shows no count from 1 to 4 and never changes a shown count', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 80 }), (answers: CategoryAnswer[]) => {
        const exact = distribution(categories, answers, { suppress: false });
        const shown = distribution(categories, answers, { suppress: true });
        const pairs = exact.categories.flatMap((row, i) => genders.map((g) => [row[g], shown.categories[i][g]] as const));
        pairs.push(...genders.map((g) => [exact.respondents[g], shown.respondents[g]] as const));
        for (const [value, published] of pairs) {
          if (published !== null) expect(published).toBe(value);
          if (value !== null && value > 0 && value < 5) expect(published).toBeNull();
        }
      }),
      { seed, numRuns: 200 },
    );
  });
});

const ordinal = fc.record({
  participant: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'),
  variant: fc.constantFrom('start', 'during', 'exit') as fc.Arbitrary<OrdinalAnswer['variant']>,
  at: fc.integer({ min: 1, max: 28 }).map((d) => `2024-02-${String(d).padStart(2, '0')}`),
  value: fc.integer({ min: 1, max: 6 }),
});

describe('stegförflyttning', () => {
  it('compares each participant’s first start answer with their last exit answer', () => {
    const answers: OrdinalAnswer[] = [
      { participant: 'anna', variant: 'start', at: '2024-01-10', value: 2 },
      { participant: 'anna', variant: 'exit', at: '2024-06-01', value: 5 },
      { participant: 'bo', variant: 'start', at: '2024-01-10', value: 4 },
      { participant: 'bo', variant: 'exit', at: '2024-06-01', value: 4 },
      { participant: 'cia', variant: 'start', at: '2024-01-10', value: 5 },
      { participant: 'cia', variant: 'exit', at: '2024-06-01', value: 3 },
      { participant: 'cia', variant: 'exit', at: '2024-05-01', value: 6 },
      { participant: 'dan', variant: 'start', at: '2024-01-10', value: 1 }, // no exit answer: left out
    ];
    expect(stepChange(answers)).toEqual({ pairs: 3, improved: 1, same: 1, worse: 1, shares: { improved: 1 / 3, same: 1 / 3, worse: 1 / 3 }, suppressed: false });
  });

  it('matches a brute-force count, and its shares add up to 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(ordinal, { maxLength: 40 }), (answers) => {
        const change = stepChange(answers);
        const participants = new Set(answers.map((a) => a.participant));
        let pairs = 0;
        let improved = 0;
        for (const p of participants) {
          const mine = answers.filter((a) => a.participant === p);
          const starts = mine.filter((a) => a.variant === 'start').sort((a, b) => a.at.localeCompare(b.at));
          const exits = mine.filter((a) => a.variant === 'exit').sort((a, b) => b.at.localeCompare(a.at));
          if (!starts.length || !exits.length) continue;
          pairs += 1;
          if (exits[0].value > starts[0].value) improved += 1;
        }
        expect(change.pairs).toBe(pairs);
        expect(change.improved).toBe(improved);
        if (pairs > 0) expect((change.shares.improved ?? 0) + (change.shares.same ?? 0) + (change.shares.worse ?? 0)).toBeCloseTo(1, 10);
        else expect(change.shares.improved).toBeNull();
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('survey goal', () => {
  const pairsWith = (improved: number, same: number) => [
    ...Array.from({ length: improved }, (_, i): OrdinalAnswer[] => [
      { participant: `i${i}`, variant: 'start', at: '2024-01-01', value: 2 },
      { participant: `i${i}`, variant: 'exit', at: '2024-06-01', value: 4 },
    ]).flat(),
    ...Array.from({ length: same }, (_, i): OrdinalAnswer[] => [
      { participant: `s${i}`, variant: 'start', at: '2024-01-01', value: 3 },
      { participant: `s${i}`, variant: 'exit', at: '2024-06-01', value: 3 },
    ]).flat(),
  ];

  it('is met when the share improved reaches the target, and not met below it', () => {
    expect(surveyGoal(stepChange(pairsWith(6, 2)), 0.75)).toEqual({ value: 0.75, target: 0.75, met: true, pairs: 8 });
    expect(surveyGoal(stepChange(pairsWith(5, 3)), 0.75)).toEqual({ value: 0.625, target: 0.75, met: false, pairs: 8 });
  });

  it('cannot be judged without pairs, and refuses a target outside 0–1', () => {
    expect(surveyGoal(stepChange([]), 0.75).met).toBeNull();
    expect(() => surveyGoal(stepChange([]), 75)).toThrow(RangeError);
  });
});
