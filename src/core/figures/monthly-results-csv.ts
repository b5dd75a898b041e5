import type { MonthlyResultsReport, MonthlySeries } from '../schemas/monthly-results-report.js';
import { excelCsvOf, excelDash, excelPercent } from './outcomes-csv-excel.js';
import { calendarPeriodLabel, parseCalendarPeriod } from './periods.js';

/** "Mars 2025" for `2025-03`. */
export const monthLabel = (name: string) => calendarPeriodLabel(parseCalendarPeriod(name)!);

/** What a series is, in words: the intervention's or team's name as asked, or "samma månader förra året". */
export function seriesLabel(series: MonthlySeries): string {
  if (series.kind === 'last_year') return 'Samma månader förra året';
  return 'team' in series.scope ? `Team ${series.scope.team}` : series.scope.intervention;
}

/** "6,7 %": the forecast's share with one decimal, as the delrapport writes it. */
export const decimalPercent = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1).replace('.', ',')} %`;

/** The forecast as one sentence, for the page, the CSV file and the terminal. */
export function forecastSentence(forecast: NonNullable<MonthlyResultsReport['forecast']>): string {
  const { goal } = forecast;
  const reached = forecast.achieved >= forecast.goal_count;
  const months = forecast.months_left === 1 ? 'den återstående månaden' : `de ${forecast.months_left} återstående månaderna`;
  const start = `Målet "${goal.title}" (${excelPercent(goal.target)} av målgruppen ${forecast.target_group}, alltså ${forecast.goal_count} till arbete eller studier) – hittills ${forecast.achieved}.`;
  return reached
    ? `${start} Målet är nått.`
    : `${start} Prognos: för att nå målet behövs ett månadsresultat på cirka ${decimalPercent(forecast.needed)} under ${months}, med ${forecast.target_group} deltagare i månaden.`;
}

const count = (value: number | null) => (value === null ? excelDash : String(value));

/**
 * The monthly series as a CSV file for people (as the outcomes CSV for Excel: byte order mark,
 * semicolons, percentages as on the page, a hidden count as "–"): one line per month with the
 * active, the exits to work or studies and the monthly result of each series, then the forecast.
 */
export function monthlyResultsToCsv(report: MonthlyResultsReport): string {
  const header = ['Månad', ...report.series.flatMap((s) => [`${seriesLabel(s)}: aktiva`, `${seriesLabel(s)}: till arbete eller studier`, `${seriesLabel(s)}: månadsresultat`])];
  const rows = report.series[0]!.months.map((_, i) => [
    monthLabel(report.series[0]!.months[i]!.month),
    ...report.series.flatMap((s) => {
      const m = s.months[i]!;
      return [count(m.active), count(m.outcomes), excelPercent(m.result)];
    }),
  ]);
  const notes: string[][] = [];
  if (report.forecast) notes.push(['Prognos', forecastSentence(report.forecast)]);
  if (report.rules.suppression_threshold) notes.push(['Förklaring', `Antal från 1 till ${report.rules.suppression_threshold - 1} visas som – (dolt), så att ingen deltagare kan kännas igen.`]);
  return excelCsvOf([header, ...rows, ...notes]);
}
