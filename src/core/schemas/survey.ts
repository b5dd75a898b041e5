import { z } from 'zod';
import { id } from './common.js';
import { surveyLanguage, surveyVariant } from '../surveys/questionnaire.js';

// API shapes of participant surveys (issue 13), shared by the server's routes and the web app.

export { questionTextInput, surveyLanguage, surveyVariant } from '../surveys/questionnaire.js';

const text = z.object({ text: z.string(), options: z.array(z.string()).nullable() });

export const questionView = z.object({
  id,
  key: z.string(),
  version: z.number(),
  kind: z.string(),
  variants: z.array(z.string()),
  options: z.array(z.string()).nullable(),
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
  texts: z.record(z.string(), text),
  missingLanguages: z.array(z.string()),
});

export const questionnaireView = z.object({ id, code: z.string(), name: z.string(), languages: z.array(z.string()), questions: z.array(questionView) });

export const questionnaireList = z.object({
  items: z.array(z.object({ id, code: z.string(), name: z.string(), questions: z.number(), missingLanguages: z.array(z.string()) })),
});

export const translationParams = z.object({ id, questionId: id, language: surveyLanguage });

export const sendSurveyInput = z.object({ variant: surveyVariant });

/** A link as the staff see it once: the URL (to copy into an SMS or e-mail) and its QR code as SVG. */
export const surveyLinkView = z.object({ url: z.string(), qrSvg: z.string(), variant: z.string(), expiresAt: z.string() });

export const sendingView = z.object({ id, variant: z.string(), sentAt: z.string(), expiresAt: z.string(), status: z.enum(['sent', 'answered', 'expired']) });
export const sendingList = z.object({ items: z.array(sendingView), can: z.object({ send: z.boolean() }) });

export const resultsQuery = z.object({ variant: surveyVariant.optional() });

const cell = z.number().nullable();
const genderCounts = z.object({ woman: cell, man: cell, other: cell, total: cell });

export const surveyResultsView = z.object({
  intervention: z.object({ id, code: z.string(), name: z.string() }),
  suppressed: z.boolean(),
  responseRates: z.array(z.object({ variant: z.string(), sent: cell, answered: cell, rate: cell, anonymous: cell })),
  questions: z.array(
    z.object({
      id,
      key: z.string(),
      version: z.number(),
      kind: z.string(),
      text: z.string(),
      categories: z.array(z.object({ code: z.string(), label: z.string() }).and(genderCounts)),
      respondents: genderCounts,
      stepChange: z
        .object({ pairs: cell, improved: cell, same: cell, worse: cell, shares: z.object({ improved: cell, same: cell, worse: cell }) })
        .nullable(),
    }),
  ),
  can: z.object({ readFreeText: z.boolean(), createLink: z.boolean() }),
});

export const freeTextList = z.object({
  items: z.array(z.object({ responseId: id, questionId: id, question: z.string(), variant: z.string(), text: z.string().nullable(), hidden: z.boolean() })),
});

export const hideTextInput = z.object({ responseId: id, questionId: id, hidden: z.boolean() });
