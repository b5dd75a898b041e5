import { createHash } from 'node:crypto';
import { languageInfo, pickTranslation, surveyLanguages, type SurveyLanguage } from '../../core/surveys/languages.js';
import { pageTexts, type PageTexts } from '../../core/surveys/page-texts.js';
import type { Question, QuestionText } from '../../core/surveys/questionnaire.js';
import { surveyCss } from './participant-assets.js';
import { surveyPath } from './survey-token.js';

// The participant's page as plain server-rendered HTML (issue 13, build 4): a language list, then
// the questions as one short form, then thanks. Every text is escaped; a question's text missing
// in the chosen language falls back (languages.ts) and is marked with its own language so a
// screen reader reads it right.

export type PageQuestion = Question & { texts: Partial<Record<SurveyLanguage, QuestionText>> };

const html = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The style sheet is inlined (allowed by its hash in the page's CSP, participant.routes.ts): on a
// slow connection a second request before the first paint costs a whole round trip.
function shell(language: SurveyLanguage, title: string, body: string, script = false): string {
  const { lang, dir } = languageInfo[language];
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${html(title)}</title><style>${surveyCss}</style>${script ? '<script src="/enkat/assets/survey.js" defer></script>' : ''}</head><body>${body}</body></html>`;
}

/** Text in another language than the page's: marked, so it is read in its own language. */
function inLanguage(text: string, language: SurveyLanguage, page: SurveyLanguage): string {
  if (languageInfo[language].lang === languageInfo[page].lang) return html(text);
  const { lang, dir } = languageInfo[language];
  return `<span lang="${lang}" dir="${dir}">${html(text)}</span>`;
}

/** The first screen: every language by its own name. */
export function languagePage(token: string): string {
  const heading = surveyLanguages
    .filter((l) => l !== 'sv-easy')
    .map((l) => `<span lang="${languageInfo[l].lang}" dir="${languageInfo[l].dir}">${html(pageTexts[l].chooseLanguage)}</span>`)
    .join(' · ');
  const items = surveyLanguages
    .map((l) => `<li><a href="${surveyPath(token)}?sprak=${l}" lang="${languageInfo[l].lang}" dir="${languageInfo[l].dir}">${html(languageInfo[l].name)}</a></li>`)
    .join('');
  return shell('sv', `${pageTexts.sv.title} – ${pageTexts.sv.chooseLanguage}`, `<main><h1>${heading}</h1><ul class="languages">${items}</ul></main>`);
}

export function questionsPage(token: string, language: SurveyLanguage, questions: readonly PageQuestion[], anonymous: boolean): string {
  const t = pageTexts[language];
  const store = createHash('sha256').update(token).digest('hex').slice(0, 16);
  const scriptTexts = { previous: t.previous, next: t.next, offline: t.offline, tooMany: t.tooMany, invalidLink: t.invalidLink, invalidAnswer: t.invalidAnswer };
  const fieldsets = questions.map((q, i) => questionHtml(q, i, questions.length, language, t)).join('');
  const body = `<header><h1>${html(t.title)}</h1><a href="${surveyPath(token)}">${html(t.changeLanguage)}</a></header>
<main><p>${html(t.intro)}</p><p class="notice">${html(anonymous ? t.whoSeesAnonymous : t.whoSees)}</p>
<form method="post" action="${surveyPath(token)}" id="survey" data-store="${store}" data-texts="${html(JSON.stringify(scriptTexts))}">
<input type="hidden" name="sprak" value="${language}">${fieldsets}
<p id="status" class="notice" role="status" aria-live="polite"></p>
<div class="actions"><button type="submit">${html(t.send)}</button></div></form></main>`;
  return shell(language, t.title, body, true);
}

function questionHtml(q: PageQuestion, index: number, total: number, page: SurveyLanguage, t: PageTexts): string {
  const found = pickTranslation(q.texts, page);
  // Swedish is always stored (built-in seed, and a question is created with it), so never blank.
  const text = found?.value ?? { text: q.key };
  const textLanguage = found?.language ?? 'sv';
  const name = `q${q.id}`;
  const legendId = `l${q.id}`;
  const hintId = `h${q.id}`;
  const progress = t.progress.replace('{n}', String(index + 1)).replace('{total}', String(total));
  const optionLabel = (i: number) => (text.options?.[i] !== undefined ? inLanguage(text.options[i], textLanguage, page) : html(q.options?.[i] ?? ''));
  let hint = t.optional;
  let control: string;
  const radio = (value: string, label: string, type = 'radio') =>
    `<label class="option"><input type="${type}" name="${name}" value="${html(value)}"><span>${label}</span></label>`;
  if (q.kind === 'frequency' || q.kind === 'extent') {
    control = t[q.kind].map((label, i) => radio(String(i + 1), html(label))).join('');
  } else if (q.kind === 'step' && q.range) {
    const { min, max } = q.range;
    const ends = text.options ?? [];
    if (ends.length === 2) hint = `${min} = ${ends[0]}, ${max} = ${ends[1]}. ${t.optional}`;
    control = `<div class="steps">${Array.from({ length: max - min + 1 }, (_, i) => radio(String(min + i), String(min + i))).join('')}</div>`;
  } else if (q.kind === 'yes_no') {
    control = radio('yes', html(t.yes)) + radio('no', html(t.no));
  } else if (q.kind === 'single' || q.kind === 'multiple') {
    control = (q.options ?? []).map((code, i) => radio(code, optionLabel(i), q.kind === 'multiple' ? 'checkbox' : 'radio')).join('');
  } else {
    control = `<textarea name="${name}" maxlength="2000" rows="5" aria-labelledby="${legendId}" aria-describedby="${hintId}"></textarea>`;
  }
  const hintHtml = q.kind === 'step' && textLanguage !== page ? inLanguage(hint, textLanguage, page) : html(hint);
  return `<fieldset class="question" id="f${q.id}" aria-describedby="${hintId}"><legend id="${legendId}"><span class="progress">${html(progress)}</span>${inLanguage(text.text, textLanguage, page)}</legend><p class="hint" id="${hintId}">${hintHtml}</p>${control}</fieldset>`;
}

/** One message in every language: the link does not work, or too many attempts. Nothing more is said. */
export function messagePage(kind: 'invalidLink' | 'tooMany'): string {
  const items = surveyLanguages
    .filter((l) => l !== 'sv-easy')
    .map((l) => `<p class="message" lang="${languageInfo[l].lang}" dir="${languageInfo[l].dir}">${html(pageTexts[l][kind])}</p>`)
    .join('');
  return shell('sv', pageTexts.sv.title, `<main><h1>${html(pageTexts.sv.title)}</h1>${items}</main>`);
}

export function thanksPage(language: SurveyLanguage): string {
  const t = pageTexts[language];
  return shell(language, t.thanks, `<main><h1>${html(t.thanks)}</h1></main>`);
}

export function invalidAnswerPage(token: string, language: SurveyLanguage): string {
  const t = pageTexts[language];
  return shell(language, t.title, `<main><h1>${html(t.title)}</h1><p class="notice" role="alert">${html(t.invalidAnswer)}</p><p><a href="${surveyPath(token)}?sprak=${language}">${html(t.previous)}</a></p></main>`);
}
