// Report templates as data (issue 12, item 5): each section is either written by the lead
// (narrative) or filled from Stegvis' own figures (the other contents). A förbund adapts a copy:
// headings, order, guidance, and which sections are written and which are tables.
import { z } from 'zod';
import { shortText } from '../schemas/common.js';

export const reportKinds = ['tertial', 'year', 'delrapport', 'slutrapport'] as const;
export type ReportKind = (typeof reportKinds)[number];

/**
 * What fills a section: `narrative` is the lead's text; `intervention` and `parties` describe the
 * intervention; `flow`, `results`, `goals`, `budget` and `costs` are figure tables (compared with
 * today's values once frozen); `questions` the förbund's questions with the replies;
 * `signature` who submitted and when.
 */
export const sectionContents = ['narrative', 'intervention', 'parties', 'flow', 'results', 'goals', 'survey', 'budget', 'costs', 'questions', 'signature'] as const;
export type SectionContent = (typeof sectionContents)[number];
export const figureContents: readonly SectionContent[] = ['flow', 'results', 'goals', 'survey', 'budget', 'costs'];

export const templateSectionSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, 'Nyckeln skrivs med a–z, 0–9 och _ (högst 40 tecken)'),
  heading: shortText(120).min(1, 'Skriv en rubrik'),
  content: z.enum(sectionContents, { message: 'Välj vad avsnittet innehåller' }),
  /** What the lead is asked to write (narrative sections). */
  guidance: shortText(500).default(''),
});
export type TemplateSection = z.output<typeof templateSectionSchema>;

export const templateSectionsSchema = z
  .array(templateSectionSchema)
  .min(1, 'En mall behöver minst ett avsnitt')
  .max(30, 'Högst 30 avsnitt')
  .refine((sections) => new Set(sections.map((s) => s.key)).size === sections.length, 'Två avsnitt har samma nyckel');

export type BuiltInTemplate = { code: string; kind: ReportKind; name: string; sections: TemplateSection[] };

const narrative = (key: string, heading: string, guidance: string): TemplateSection => ({ key, heading, content: 'narrative', guidance });
const table = (key: string, heading: string, content: SectionContent): TemplateSection => ({ key, heading, content, guidance: '' });

/** Malmö's Tertialuppföljning (FINSAM i Malmö): the same sections for a tertial and a year. */
const malmo = (): TemplateSection[] => [
  narrative('resultat', 'Resultat/uppnådda effekter', 'Beskriv utfallet av utförda insatser och hur målen har nåtts.'),
  table('mal', 'Mål och måluppfyllelse', 'goals'),
  table('resultat_tabell', 'Avslut och resultat', 'results'),
  narrative('effektmal', 'Effektmål/stegförflyttningar', 'Beskriv deltagarnas stegförflyttningar och effekter mot målen i ansökan.'),
  table('enkat', 'Stegförflyttningar enligt deltagarenkäten', 'survey'),
  narrative('hinder', 'Hinder för samverkan/utmaningar', 'Vilka hinder och utmaningar har ni mött i samverkan?'),
  table('flode', 'Flöde och volymer', 'flow'),
  narrative('fungerat_bra', 'Vad har fungerat bra/framgångsfaktorer', 'Vad har fungerat bra under perioden?'),
  table('ekonomi', 'Ekonomi', 'budget'),
  table('kostnader', 'Kostnad per deltagare och per resultat', 'costs'),
  table('fragor', 'Frågor från förbundet', 'questions'),
];

/** Sundsvall's template for part and final reports (Samordningsförbundet Sundsvall). */
const sundsvall = (): TemplateSection[] => [
  table('insatsen', 'Insatsen', 'intervention'),
  table('parterna', 'Parterna', 'parties'),
  narrative('insatsbeskrivning', 'Insatsbeskrivning', 'Bakgrund till insatsen, syfte och målgrupp.'),
  table('mal', 'Resultat och utfall: insatsens mål', 'goals'),
  table('flode', 'Flöde och volymer', 'flow'),
  table('resultat', 'Avslut och resultat', 'results'),
  table('enkat', 'Deltagarenkäten: stegförflyttningar', 'survey'),
  narrative('arbetssatt', 'Arbetssätt och verksamhetsbeskrivning', 'Hur har insatsen arbetat, och med vilka samverkansparter?'),
  narrative('avvikelser', 'Avvikelser från planering', 'Avvikelser avseende ekonomi, tidsplan, aktiviteter, mål med mera.'),
  table('ekonomi', 'Ekonomisk rapport per kostnadsslag', 'budget'),
  table('kostnader', 'Kostnad per deltagare och per resultat', 'costs'),
  table('fragor', 'Frågor från förbundet', 'questions'),
  table('underskrift', 'Underskrift', 'signature'),
];

/** The templates shipped with Stegvis, added on migrate (report-documents/templates.seed.ts). */
export const builtInTemplates: BuiltInTemplate[] = [
  { code: 'tertialrapport', kind: 'tertial', name: 'Tertialrapport', sections: malmo() },
  { code: 'arsrapport', kind: 'year', name: 'Årsrapport', sections: malmo() },
  { code: 'delrapport', kind: 'delrapport', name: 'Delrapport', sections: sundsvall() },
  { code: 'slutrapport', kind: 'slutrapport', name: 'Slutrapport', sections: sundsvall() },
];
