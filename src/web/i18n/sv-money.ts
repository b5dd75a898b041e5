// Texts of Mål och budget's money (issue 12): the year chooser, the costs month by month, the
// finance system's cost import and the national follow-up's facts. Spread into sv.goalsBudget.

export const moneyTexts = {
  /** To the öre, for the amounts typed in (a cost of 1 000,50 kr). */
  kronorExact: (amount: number | null | undefined) =>
    amount === null || amount === undefined ? '–' : `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(amount)} kr`,
  year: {
    label: 'År',
    help: (from: number, to: number) => `Ett år av insatsens projektperiod, ${from}–${to}.`,
    show: 'Visa året',
    form: 'Välj år',
  },
  costs: {
    title: (year: number) => `Kostnader per månad ${year}`,
    intro: 'Utfallet per månad och kostnadsslag, som det bokförs. Summan för året står bredvid årets budget. Belopp i kronor.',
    editHelp: 'Välj en månad för att ändra eller ta bort dess kostnader.',
    month: 'Månad',
    sum: 'Summa',
    budget: 'Budget',
    left: 'Kvar av budget',
    editLabel: (month: string) => `Ändra kostnaderna för ${month}`,
    editTitle: (month: string) => `Kostnader för ${month}`,
    help: 'Belopp i kronor, till exempel 12 500,50. Ett minus för en kreditering. Ett tomt fält betyder ingen kostnad för kostnadsslaget.',
    saved: (month: string) => `Kostnaderna för ${month} är sparade.`,
    removeLabel: (month: string) => `Ta bort kostnaderna för ${month}`,
    removeTitle: 'Ta bort månadens kostnader?',
    removeText: (month: string, total: string) => `Alla kostnader för ${month} (totalt ${total}) tas bort, de inskrivna och de importerade.`,
    removeConfirm: 'Ta bort kostnaderna',
    removed: (month: string) => `Kostnaderna för ${month} är borttagna.`,
  },
  costImport: {
    title: 'Importera kostnader från ekonomisystemet',
    intro: 'En CSV-fil från ekonomisystemet med en rad per månad och kostnadsslag. Filen kontrolleras först och importeras bara om alla rader är rätt; annars ändras ingenting. En rad ersätter det som redan finns för den månaden och det kostnadsslaget.',
    fileHelp: 'Kolumner: intervention, month (ÅÅÅÅ-MM), cost_category (kod eller namn på kostnadsslaget), amount (kronor, till exempel 12 500,50). UTF-8, komma eller semikolon, rubrikrad.',
    checkedTitle: 'Kontrollen är klar',
    doneTitle: 'Kostnaderna är importerade',
    checked: (rows: number) => `Filen är korrekt: ${rows} rader kan importeras. Tryck Importera för att spara dem.`,
    done: (rows: number) => `${rows} rader är importerade.`,
    rows: 'Rader',
    months: 'Månader',
    total: 'Totalt',
    byCategory: 'Belopp per kostnadsslag i filen',
    notUtf8: 'Filen är inte sparad som UTF-8. Spara den som "CSV UTF-8" i Excel eller ekonomisystemet och välj den igen. Ingenting har sparats.',
  },
  followUp: {
    title: 'Nationell uppföljning',
    intro: 'Uppgifter till Uppföljning Finsam utöver budget och utfall.',
    edit: 'Ändra uppföljningsmetod',
    saved: 'Uppföljningsmetoden är sparad.',
  },
};
