import { suppressTable } from '../suppression.js';
import { genderOptions } from './questionnaire.js';

// Per question: how many chose each answer, by the gender the respondent gave and in total
// (issue 13, build 5). Respondents who skipped the gender question count as "Annat/ej angivet",
// as the reports count them. Outside the controlling organisation the table goes through the
// same small-cell suppression as every other aggregate (domain.md, data-protection model 7).

export type SurveyGender = (typeof genderOptions)[number];
const genders = genderOptions;

/** One respondent's answer to the question: the categories chosen (several for a multiple choice). */
export type CategoryAnswer = { gender: SurveyGender | null; categories: readonly string[] };

export type Cell = number | null;
export type GenderCounts = { woman: Cell; man: Cell; other: Cell; total: Cell };
export type Distribution = {
  categories: ({ code: string } & GenderCounts)[];
  /** Respondents who answered the question (a multiple choice may have more choices than respondents). */
  respondents: GenderCounts;
  suppressed: boolean;
};

export function distribution(
  categories: readonly string[],
  answers: readonly CategoryAnswer[],
  options: { suppress: boolean; threshold?: number },
): Distribution {
  const counts = categories.map(() => genders.map(() => 0));
  const respondents = genders.map(() => 0);
  for (const answer of answers) {
    const column = genders.indexOf(answer.gender ?? 'other');
    let counted = false;
    for (const category of new Set(answer.categories)) {
      const row = categories.indexOf(category);
      if (row < 0) continue;
      counts[row][column] += 1;
      counted = true;
    }
    if (counted) respondents[column] += 1;
  }
  const respondentsRow = countsOf(respondents, sum(respondents));
  if (categories.length === 0) return { categories: [], respondents: respondentsRow, suppressed: false };
  if (!options.suppress) {
    return { categories: categories.map((code, i) => ({ code, ...countsOf(counts[i], sum(counts[i])) })), respondents: respondentsRow, suppressed: false };
  }
  // Respondents by gender are one more row of the same system when each answers once; a multiple
  // choice's respondents are published only as a suppressed total of their own.
  const single = answers.every((a) => new Set(a.categories).size <= 1);
  const mask = suppressTable({ rows: counts }, options.threshold);
  const hidden = (value: number, isHidden: boolean) => (isHidden ? null : value);
  const rows = categories.map((code, i) => ({
    code,
    ...countsOf(counts[i].map((v, j) => hidden(v, mask.rows[i][j])), hidden(sum(counts[i]), mask.rowTotals[i])),
  }));
  const published = single
    ? countsOf(respondents.map((v, j) => hidden(v, mask.colTotals[j])), hidden(sum(respondents), mask.total))
    : { woman: null, man: null, other: null, total: smallTotal(sum(respondents), options.threshold) };
  return { categories: rows, respondents: published, suppressed: true };
}

function countsOf(values: readonly Cell[], total: Cell): GenderCounts {
  const [woman, man, other] = values;
  return { woman, man, other, total };
}

const sum = (values: readonly number[]) => values.reduce((s, x) => s + x, 0);

function smallTotal(value: number, threshold = 5): Cell {
  return value > 0 && value < threshold ? null : value;
}
