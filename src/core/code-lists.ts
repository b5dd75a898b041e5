// The initial content of every code list in domain.md, in its order. The database table
// (code_list_entries, with valid_from/valid_to) is the authority at run time, because the
// national lists change; this is what it is seeded from and what pure code and tests rely on.

export type CodeEntry = { readonly code: string; readonly label: string; readonly group?: string };

export type IncomeSourceGroup = 'ill_health' | 'labour_market_support' | 'financial_assistance' | 'self_support' | 'other';
export type ExitReasonGroup =
  | 'work'
  | 'studies'
  | 'labour_market'
  | 'further_measures'
  | 'other'
  | 'interrupted'
  | 'excluded';

export const genders = ['woman', 'man', 'other'] as const;
export type Gender = (typeof genders)[number];

/** Column heads of reports ("Kvinnor, Män, Annat/ej angivet, Totalt"). */
export const reportGenderLabels = {
  woman: 'Kvinnor',
  man: 'Män',
  other: 'Annat/ej angivet',
  total: 'Totalt',
} as const;

/** The exit-reason groups as reports name them ("Avslut per grupp"). */
export const exitReasonGroupLabels: Record<Exclude<ExitReasonGroup, 'excluded'>, string> = {
  work: 'Arbete',
  studies: 'Studier',
  labour_market: 'Arbetssökande (AF)',
  further_measures: 'Vidare till annan insats',
  other: 'Övrigt',
  interrupted: 'Avbrutet',
};

/** The income-source groups' Swedish names (domain.md). */
export const incomeSourceGroupLabels: Record<IncomeSourceGroup, string> = {
  ill_health: 'Ohälsa',
  labour_market_support: 'Arbetsmarknadsstöd',
  financial_assistance: 'Ekonomiskt bistånd',
  self_support: 'Egen försörjning',
  other: 'Övrigt',
};

const income = (code: string, label: string, group: IncomeSourceGroup) => ({ code, label, group }) as const;
const exit = (code: string, label: string, group: ExitReasonGroup) => ({ code, label, group }) as const;

export const codeLists = {
  gender: [
    { code: 'woman', label: 'Kvinna' },
    { code: 'man', label: 'Man' },
    { code: 'other', label: 'Annat/vill ej ange' },
  ],
  organisation_kind: [
    { code: 'municipality', label: 'Kommun' },
    { code: 'employment_service', label: 'Arbetsförmedlingen' },
    { code: 'social_insurance', label: 'Försäkringskassan' },
    { code: 'region', label: 'Region' },
    { code: 'association', label: 'Samordningsförbund' },
    // domain.md's "(idéburen, folkhögskola, företag)" explains the kind; it is not part of the label.
    { code: 'provider', label: 'Utförare' },
  ],
  income_source: [
    income('sickness_benefit', 'Sjukpenning/rehabiliteringspenning', 'ill_health'),
    income('activity_compensation', 'Aktivitetsersättning', 'ill_health'),
    income('sickness_compensation', 'Sjukersättning', 'ill_health'),
    income('unemployment_insurance', 'Arbetslöshetsersättning', 'labour_market_support'),
    income('activity_support', 'Aktivitetsstöd/utvecklingsersättning', 'labour_market_support'),
    income('establishment_benefit', 'Etableringsersättning', 'labour_market_support'),
    income('social_assistance', 'Försörjningsstöd (ekonomiskt bistånd)', 'financial_assistance'),
    income('salary', 'Lön', 'self_support'),
    income('student_aid', 'Studiemedel', 'self_support'),
    income('other', 'Annan försörjning', 'other'),
    income('none_public', 'Ingen offentlig försörjning', 'other'),
    income('unknown', 'Uppgift saknas', 'other'),
  ],
  occupation: [
    { code: 'working', label: 'Förvärvsarbete' },
    { code: 'studying', label: 'Studier' },
    { code: 'job_seeking', label: 'Aktivt arbetssökande' },
    { code: 'none', label: 'Ingen sysselsättning' },
  ],
  education: [
    { code: 'primary_short', label: 'Förgymnasial kortare än 9 år' },
    { code: 'primary', label: 'Förgymnasial 9 (10) år' },
    { code: 'upper_secondary', label: 'Gymnasial' },
    { code: 'post_secondary', label: 'Eftergymnasial' },
    { code: 'unknown', label: 'Uppgift saknas' },
  ],
  support_time: [
    { code: 'none', label: 'Inget' },
    { code: 'under_1y', label: 'Mindre än 1 år' },
    { code: '1_2y', label: '1–2 år' },
    { code: '2_5y', label: '2–5 år' },
    { code: 'over_5y', label: 'Mer än 5 år' },
    { code: 'unknown', label: 'Uppgift saknas' },
  ],
  exit_reason: [
    exit('work', 'Arbete', 'work'),
    // Counts as work only under the report rule subsidised_counts_as_work (default true).
    exit('subsidised_work', 'Subventionerad anställning', 'work'),
    exit('studies', 'Studier', 'studies'),
    exit('job_seeking', 'Arbetssökande hos Arbetsförmedlingen', 'labour_market'),
    exit('other_intervention', 'Annan arbetsmarknads- eller rehabiliteringsinsats', 'further_measures'),
    exit('rehab_need_clarified', 'Rehabiliteringsbehovet klarlagt', 'further_measures'),
    exit('sickness_compensation', 'Sjuk- eller aktivitetsersättning', 'other'),
    exit('sick_leave', 'Sjukskriven', 'other'),
    exit('parental_leave', 'Föräldraledig', 'other'),
    exit('moved', 'Flyttat', 'other'),
    exit('sfi', 'SFI', 'other'),
    exit('deceased', 'Avliden', 'other'),
    exit('other', 'Annan orsak', 'other'),
    exit('interrupted', 'Avbruten planering', 'interrupted'),
    exit('consent_withdrawn', 'Samtycke återkallat', 'interrupted'),
    // Never counted anywhere (domain.md, figure definitions).
    exit('registration_error', 'Felregistrering', 'excluded'),
  ],
  activity_type: [
    { code: 'internship', label: 'Praktik' },
    { code: 'work_training', label: 'Arbetsträning' },
    { code: 'enhanced_work_training', label: 'Förstärkt arbetsträning' },
    { code: 'work_ability_assessment', label: 'Arbetsförmågebedömning' },
    { code: 'group_activation', label: 'Aktivering i grupp' },
    { code: 'studies', label: 'Studier' },
    { code: 'sfi', label: 'SFI' },
    { code: 'study_motivation', label: 'Studiemotiverande folkhögskolekurs' },
    { code: 'labour_market_training', label: 'Arbetsmarknadsutbildning' },
    { code: 'language_training', label: 'Språkträning' },
    { code: 'health', label: 'Hälsoinsats' },
    { code: 'treatment', label: 'Behandling' },
    { code: 'job_search', label: 'Jobbsökaktivitet/matchning' },
    { code: 'employment', label: 'Anställning' },
  ],
  employment_type: [
    { code: 'unsubsidised', label: 'Utan stöd' },
    { code: 'extra_job', label: 'Extratjänst' },
    { code: 'introduction_job', label: 'Introduktionsjobb' },
    { code: 'new_start_job', label: 'Nystartsjobb' },
    { code: 'wage_subsidy_development', label: 'Lönebidrag för utveckling (LFU)' },
    { code: 'wage_subsidy_employment', label: 'Lönebidrag för anställning (LFA)' },
    { code: 'wage_subsidy_security', label: 'Lönebidrag för trygghet (LFT)' },
    { code: 'sheltered_public', label: 'Offentligt skyddat arbete (OSA)' },
    { code: 'development_employment', label: 'Utvecklingsanställning (UVA)' },
    { code: 'security_employment', label: 'Trygghetsanställning' },
    { code: 'samhall', label: 'Samhall' },
    { code: 'special_support', label: 'Särskilt anställningsstöd' },
    { code: 'education_linked', label: 'Anställning kopplad till utbildning' },
    { code: 'municipal_job', label: 'Kommunal arbetsmarknadsanställning' },
  ],
  meeting_type: [
    { code: 'mapping', label: 'Kartläggning' },
    { code: 'three_party', label: 'Trepartsmöte' },
    { code: 'sip', label: 'SIP-möte' },
    { code: 'follow_up', label: 'Uppföljning' },
    { code: 'consultation', label: 'Konsultation/beredning' },
    { code: 'matching', label: 'Matchning' },
    { code: 'workplace_visit', label: 'Arbetsplatsbesök' },
    { code: 'other', label: 'Annat' },
  ],
  target_group: [
    { code: 'young_adult', label: 'Unga vuxna 16–29' },
    { code: 'neet', label: 'Varken arbetar eller studerar (UVAS)' },
    { code: 'newly_arrived', label: 'Nyanländ' },
    { code: 'disability', label: 'Funktionsnedsättning' },
    { code: 'long_term_sick', label: 'Långtidssjukskriven' },
    { code: 'social_assistance', label: 'Försörjningsstöd' },
    { code: 'long_term_unemployed', label: 'Långtidsarbetslös' },
    { code: 'mental_ill_health', label: 'Psykisk ohälsa' },
    { code: 'substance_use', label: 'Missbruk' },
  ],
  cost_category: [
    { code: 'activities', label: 'Aktiviteter' },
    { code: 'external_services', label: 'Externa tjänster' },
    { code: 'salaries', label: 'Lönekostnader' },
    { code: 'premises', label: 'Lokalkostnader' },
    { code: 'material', label: 'Material' },
    { code: 'travel', label: 'Resekostnader' },
    { code: 'other', label: 'Övriga kostnader' },
  ],
  workplace_sector: [
    { code: 'municipal', label: 'Kommunal' },
    { code: 'regional', label: 'Regional' },
    { code: 'state', label: 'Statlig' },
    { code: 'private', label: 'Privat' },
    { code: 'non_profit', label: 'Idéburen' },
  ],
} as const satisfies Record<string, readonly CodeEntry[]>;

export type CodeListName = keyof typeof codeLists;
export type CodeOf<L extends CodeListName> = (typeof codeLists)[L][number]['code'];
export type ExitReason = CodeOf<'exit_reason'>;

/** A list by name, or the entries themselves (e.g. a list loaded from the database). */
export type CodeListRef = CodeListName | readonly CodeEntry[];

function entriesOf(list: CodeListRef): readonly CodeEntry[] {
  return typeof list === 'string' ? codeLists[list] : list;
}

// NFC first: a label typed on a Mac may arrive with a decomposed å/ä/ö.
function fold(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

export function entryOf(list: CodeListRef, code: string): CodeEntry | undefined {
  return entriesOf(list).find((entry) => entry.code === code);
}

/** The Swedish label of a code, or undefined for a code not in the list. */
export function labelOf(list: CodeListRef, code: string): string | undefined {
  return entryOf(list, code)?.label;
}

/** The group of a code (income_source, exit_reason), or undefined. */
export function groupOf(list: CodeListRef, code: string): string | undefined {
  return entryOf(list, code)?.group;
}

/**
 * The code for user input that is either a code or a Swedish label, case-insensitively and
 * trimmed (domain.md, CSV import). A code wins over another entry's equal label.
 */
export function resolveCode(list: CodeListRef, input: string): string | undefined {
  const wanted = fold(input);
  if (wanted === '') return undefined;
  const index = foldedIndexOf(entriesOf(list));
  return index.byCode.get(wanted) ?? index.byLabel.get(wanted);
}

type FoldedIndex = { byCode: Map<string, string>; byLabel: Map<string, string> };
const foldedIndexes = new WeakMap<readonly CodeEntry[], FoldedIndex>();

// Folded once per list rather than for every entry at every lookup: an import resolves codes in
// six columns of each of 100,000 rows. The first entry wins, as a search in list order would.
function foldedIndexOf(entries: readonly CodeEntry[]): FoldedIndex {
  let index = foldedIndexes.get(entries);
  if (!index) {
    index = { byCode: new Map(), byLabel: new Map() };
    for (const entry of entries) {
      const code = fold(entry.code);
      const label = fold(entry.label);
      if (!index.byCode.has(code)) index.byCode.set(code, entry.code);
      if (!index.byLabel.has(label)) index.byLabel.set(label, entry.code);
    }
    foldedIndexes.set(entries, index);
  }
  return index;
}

/**
 * An exit in group work or studies (domain.md, "work or studies"); subsidised_work only under
 * the report rule subsidised_counts_as_work.
 */
export function isWorkOrStudiesExit(reason: string, subsidisedCountsAsWork: boolean): boolean {
  if (reason === 'subsidised_work') return subsidisedCountsAsWork;
  const group = groupOf('exit_reason', reason);
  return group === 'work' || group === 'studies';
}
