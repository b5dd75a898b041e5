import { z } from 'zod';
import { hasForbiddenCharacter, text } from '../schemas/common.js';
import { surveyLanguages } from './languages.js';

// Questionnaires as data (issue 13, build 1). A question has a kind, the variants (start, during,
// exit) it is asked in, and a text per language; answers are stored against one version of a
// question, so a changed question is a new version and never mixes with the old one's answers.

export const questionKinds = ['frequency', 'extent', 'step', 'yes_no', 'single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const surveyVariants = ['start', 'during', 'exit'] as const;
export type SurveyVariant = (typeof surveyVariants)[number];

export type QuestionDefinition = {
  /** Stable within the questionnaire across versions ('q1', 'gender'). */
  key: string;
  kind: QuestionKind;
  variants: readonly SurveyVariant[];
  /** Option codes of a single or multiple choice. */
  options?: readonly string[];
  /** The step scale's range, e.g. 1–10. */
  range?: { min: number; max: number };
};

/** A question as stored: one version of it. */
export type Question = QuestionDefinition & { id: string; version: number };

/** Option labels in option order; for a step scale the labels of its two ends. */
export type QuestionText = { text: string; options?: readonly string[] };

/** The question whose answer gives the gender that results are broken down by. */
export const genderKey = 'gender';
export const genderOptions = ['woman', 'man', 'other'] as const;

/** Six-point scales of the Sundsvall survey (Bilaga 2): 1 = Aldrig / Inte alls … 6 = Alltid / Helt och hållet. */
const sixPoint = { min: 1, max: 6 };

/**
 * The ordered answer values of a question, or null when its answers have no order. Higher is
 * better on every ordinal scale here, which is what stegförflyttning reads.
 */
export function ordinalRange(question: Pick<QuestionDefinition, 'kind' | 'range'>): { min: number; max: number } | null {
  if (question.kind === 'frequency' || question.kind === 'extent') return sixPoint;
  if (question.kind === 'step') return question.range ?? null;
  return null;
}

/** Answer categories of a question, for distributions: scale values as strings, or option codes. */
export function categoriesOf(question: Pick<QuestionDefinition, 'kind' | 'range' | 'options'>): string[] {
  const range = ordinalRange(question);
  if (range) return Array.from({ length: range.max - range.min + 1 }, (_, i) => String(range.min + i));
  if (question.kind === 'yes_no') return ['yes', 'no'];
  if (question.kind === 'single' || question.kind === 'multiple') return [...(question.options ?? [])];
  return [];
}

export type Answer = { value: number } | { choices: string[] } | { text: string };

export const freeTextMax = 2000;

/**
 * A participant's form (field `q<id>` per question; several values for a multiple choice) to
 * answers. An empty field is a skipped question (Bilaga 2: "Om du inte vill svara … kan du hoppa
 * över den"). Anything that is not one of the question's own values is refused, so a tampered
 * form stores nothing.
 */
export function parseAnswers(
  questions: readonly Question[],
  form: Record<string, string | string[] | undefined>,
): { answers: Map<string, Answer>; invalid: string[] } {
  const answers = new Map<string, Answer>();
  const invalid: string[] = [];
  for (const question of questions) {
    const raw = form[`q${question.id}`];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    const answer = parseOne(question, values);
    if (answer) answers.set(question.id, answer);
    else invalid.push(question.id);
  }
  return { answers, invalid };
}

function parseOne(question: Question, values: string[]): Answer | null {
  const range = ordinalRange(question);
  if (range) {
    const value = Number(values[0]);
    return values.length === 1 && Number.isInteger(value) && value >= range.min && value <= range.max ? { value } : null;
  }
  if (question.kind === 'yes_no') return values.length === 1 && ['yes', 'no'].includes(values[0]) ? { choices: [values[0]] } : null;
  if (question.kind === 'single' || question.kind === 'multiple') {
    const options = question.options ?? [];
    const unique = [...new Set(values)];
    const fits = unique.every((v) => options.includes(v)) && (question.kind === 'multiple' || unique.length === 1);
    return fits ? { choices: unique } : null;
  }
  const written = values.join('\n');
  return written.length <= freeTextMax && !hasForbiddenCharacter(written) ? { text: written } : null;
}

/** The category an answer counts in (for distributions), or null for free text. */
export function categoryOf(answer: Answer): string[] {
  if ('value' in answer) return [String(answer.value)];
  if ('choices' in answer) return answer.choices;
  return [];
}

// Staff input: a question's text in one language (build 2: translations entered by staff).
export const questionTextInput = z.object({
  text: text().trim().min(1, 'Skriv frågans text').max(500, 'Högst 500 tecken'),
  options: z.array(text().trim().min(1, 'Skriv alternativets text').max(200, 'Högst 200 tecken')).max(20).optional(),
});
export const surveyLanguage = z.enum(surveyLanguages, { message: 'Välj ett av språken i listan' });
export const surveyVariant = z.enum(surveyVariants, { message: 'Välj start, under eller avslut' });
