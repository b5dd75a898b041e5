// The languages a participant may answer in (issue 13). Codes are Stegvis's own; `lang` is the
// BCP 47 tag the page declares, `dir` the writing direction (Arabic, Dari and Persian right to left).

export const surveyLanguages = ['sv', 'sv-easy', 'en', 'ar', 'so', 'ti', 'prs', 'fa'] as const;
export type SurveyLanguage = (typeof surveyLanguages)[number];

export type LanguageInfo = { code: SurveyLanguage; lang: string; dir: 'ltr' | 'rtl'; name: string; swedishName: string };

/** `name` is the language's own name, as a participant looks for it on the first screen. */
export const languageInfo: Record<SurveyLanguage, LanguageInfo> = {
  sv: { code: 'sv', lang: 'sv', dir: 'ltr', name: 'Svenska', swedishName: 'Svenska' },
  'sv-easy': { code: 'sv-easy', lang: 'sv', dir: 'ltr', name: 'Lätt svenska', swedishName: 'Lätt svenska' },
  en: { code: 'en', lang: 'en', dir: 'ltr', name: 'English', swedishName: 'Engelska' },
  ar: { code: 'ar', lang: 'ar', dir: 'rtl', name: 'العربية', swedishName: 'Arabiska' },
  so: { code: 'so', lang: 'so', dir: 'ltr', name: 'Soomaali', swedishName: 'Somaliska' },
  ti: { code: 'ti', lang: 'ti', dir: 'ltr', name: 'ትግርኛ', swedishName: 'Tigrinja' },
  // Dari is tagged fa-AF: the tag screen readers and validators know for it.
  prs: { code: 'prs', lang: 'fa-AF', dir: 'rtl', name: 'دری', swedishName: 'Dari' },
  fa: { code: 'fa', lang: 'fa', dir: 'rtl', name: 'فارسی', swedishName: 'Persiska' },
};

export const isSurveyLanguage = (value: unknown): value is SurveyLanguage => surveyLanguages.includes(value as SurveyLanguage);

/**
 * Where a question's text is looked for when the chosen language lacks it: lätt svenska before
 * Swedish, as the easiest Swedish for a newly arrived reader; Swedish always exists, so a
 * question is never blank.
 */
export function fallbackChain(language: SurveyLanguage): SurveyLanguage[] {
  if (language === 'sv') return ['sv'];
  if (language === 'sv-easy') return ['sv-easy', 'sv'];
  return [language, 'sv-easy', 'sv'];
}

/** The first language of the chain that has a text, and that text. */
export function pickTranslation<T>(texts: Partial<Record<SurveyLanguage, T>>, language: SurveyLanguage): { language: SurveyLanguage; value: T } | null {
  for (const candidate of fallbackChain(language)) {
    const value = texts[candidate];
    if (value !== undefined) return { language: candidate, value };
  }
  return null;
}
