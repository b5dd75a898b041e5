// Texts of the förbund's dashboard and the drill-down list (issue 12, items 3 and 8).

export const dashboardTexts = {
  nav: 'Förbundets översikt',
  title: 'Förbundets översikt',
  intro: 'Förbundets insatser sida vid sida för ett år, ett tertial eller en månad. Siffrorna är sammanräknade och små tal är dolda, så att ingen deltagare kan pekas ut.',
  association: 'Förbund',
  year: 'År',
  part: 'Del av året',
  parts: { year: 'Hela året', T1: 'Tertial 1 (januari–april)', T2: 'Tertial 2 (maj–augusti)', T3: 'Tertial 3 (september–december)' } as Record<string, string>,
  show: 'Visa',
  loading: 'Räknar fram förbundets siffror …',
  heading: (name: string, period: string) => `${name}, ${period}`,
  /** The months of the year's chooser (2026-03). */
  months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  periodName: (name: string) =>
    name.includes('-T') ? `tertial ${name.slice(-1)} ${name.slice(0, 4)}`
    : /^\d{4}-\d{2}$/.test(name) ? `${dashboardTexts.months[Number(name.slice(5)) - 1]} ${name.slice(0, 4)}`
    : `år ${name}`,
  none: 'Förbundet har inga insatser under perioden.',
  tableCaption: 'Insatserna sida vid sida',
  columns: {
    intervention: 'Insats',
    owner: 'Ägare',
    participants: 'Deltagare',
    volume: 'Måluppfyllelse volym',
    workOrStudies: 'Till arbete eller studier',
    completion: 'Fullföljt',
    costPerParticipant: 'Kostnad per deltagare',
    costPerOutcome: 'Kostnad per resultat',
    goals: 'Mål uppfyllda',
  },
  goalsOf: (met: number, total: number) => (total === 0 ? 'Inga mål' : `${met} av ${total}`),
  noTargetForTertial: 'Volymmål finns per år: välj hela året för att se måluppfyllelsen.',
  sharesChart: 'Resultat per insats (procent)',
  sharesSummary: (n: number) => `Stapeldiagram: måluppfyllelse volym, andel till arbete eller studier och andel fullföljt för ${n} insatser. Samma siffror finns i tabellen.`,
  costChart: 'Kostnad per deltagare och per resultat (kronor)',
  costSummary: (n: number) => `Stapeldiagram: kostnad per deltagare och per resultat för ${n} insatser. Samma siffror finns i tabellen.`,
  costNote: 'Kostnad per resultat = periodens faktiska kostnad delat med antalet avslut till arbete eller studier.',
  national: 'Uppföljning Finsam',
  nationalIntro: (year: string) => `Förbundets siffror för ${year} per insats till den nationella uppföljningen, med små tal dolda.`,
  nationalCsv: 'Ladda ner CSV',
  nationalXlsx: 'Ladda ner Excel (XLSX)',
};

export const drillDownTexts = {
  title: 'Inskrivningarna bakom siffran',
  intro: 'De inskrivningar som siffran räknar. Varje visning loggas för varje person i listan.',
  link: (value: string, what: string) => `${value}, visa inskrivningarna bakom ${what}`,
  figures: {
    enrolled: 'Inskrivna',
    active: 'Aktiva',
    exited: 'Avslutade',
    exit_group: 'Avslutade till',
    work_or_studies: 'Avslutade till arbete eller studier',
  } as Record<string, string>,
  cells: { woman: 'kvinnor', man: 'män', other: 'annat/ej angivet', total: 'totalt', under_30: 'under 30 år' } as Record<string, string>,
  groups: { work: 'arbete', studies: 'studier', labour_market: 'arbetssökande', further_measures: 'vidare insatser', other: 'övrigt', interrupted: 'avbrutet' } as Record<string, string>,
  count: (n: number) => `${n} inskrivningar`,
  protectedIdentity: (n: number) => `Därtill ${n} med skyddade personuppgifter, som inte visas för någon.`,
  empty: 'Siffran är 0: det finns inga inskrivningar att visa.',
  caption: 'Inskrivningar',
  columns: { name: 'Deltagare', ref: 'Referens', gender: 'Kön', start: 'Start', exit: 'Avslut', reason: 'Avslutsorsak' },
  keyFigures: 'Nyckeltal med inskrivningarna bakom',
  keyFiguresIntro: 'Välj en siffra för att se vilka inskrivningar den räknar.',
  line: 'Rad',
};
