import type { Content, TableCell } from 'pdfmake';
import { auditActionLabels, auditEntityLabels, auditLabel, auditRoleLabels } from '../../core/audit-labels.js';
import { drawable, pdfmakeWithStandardFonts } from '../pdf/pdfmake.js';
import type { SubjectAccess } from './subject-access.schemas.js';

// The data subject access export (GDPR art. 15) as a readable PDF with Swedish headings. Letters
// the standard fonts cannot draw are shown as their base letter or '?', and the document says so
// (the JSON export has the exact spelling).

const methods: Record<string, string> = { written: 'Skriftligt', oral_documented: 'Muntligt, dokumenterat' };

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
const time = (iso: string | null) => (iso ? stockholm.format(new Date(iso)) : '–');
const yesNo = (value: boolean) => (value ? 'Ja' : 'Nej');

type Labels = Map<string, string>;
const label = (labels: Labels, list: string) => (code: string | null) => (code ? (labels.get(`${list}:${code}`) ?? code) : '–');
const labelAll = (labels: Labels, list: string) => (codes: string[]) => (codes.length ? codes.map(label(labels, list)).join(', ') : '–');
const withExtent = (text: string, extent: number | null) => (extent === null ? text : `${text} (${extent} %)`);

const text = (value: string | number | null | undefined): string => (value === null || value === undefined || value === '' ? '–' : drawable(String(value)));

const rules = { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#aaaaaa' };

/** A two-column table of label and value. */
function facts(rows: [string, string | number | null][]): Content {
  return {
    table: { widths: [170, '*'], body: rows.map(([name, value]) => [{ text: name, bold: true }, text(value)]) },
    layout: rules,
    margin: [0, 4, 0, 12],
  };
}

function enrolmentSection(report: SubjectAccess, labels: Labels): Content[] {
  if (report.enrolments.length === 0) return [{ text: 'Inga inskrivningar finns lagrade.', margin: [0, 0, 0, 12] }];
  const income = labelAll(labels, 'income_source');
  const occupation = label(labels, 'occupation');
  return report.enrolments.flatMap((e): Content[] => [
    { text: `${text(e.intervention.name)} (${text(e.intervention.code)}), från ${e.startDate}`, style: 'h3' },
    facts([
      ['Insats', `${e.intervention.name} (${e.intervention.code})`],
      ['Team', e.team],
      ['Anvisande part', e.referrer ? `${e.referrer.name} (${e.referrer.code})` : null],
      ['Kön', label(labels, 'gender')(e.gender)],
      ['Ålder vid start', e.ageAtStart],
      ['Startdatum', e.startDate],
      ['Försörjning före', income(e.incomeBefore)],
      ['Sysselsättning före', withExtent(occupation(e.occupationBefore), e.occupationBeforeExtent)],
      ['Utbildning', label(labels, 'education')(e.education)],
      ['Tid med offentlig försörjning', label(labels, 'support_time')(e.supportTime)],
      ['Målgrupper', labelAll(labels, 'target_group')(e.targetGroups)],
      ['Avslutsdatum', e.exitDate],
      ['Avslutsorsak', label(labels, 'exit_reason')(e.exitReason)],
      ['Avslut, detalj', e.exitDetail],
      ['Försörjning efter', income(e.incomeAfter)],
      ['Sysselsättning efter', withExtent(occupation(e.occupationAfter), e.occupationAfterExtent)],
      ['Anteckningar', e.notes],
      ['Registrerad', time(e.createdAt)],
      ['Senast ändrad', time(e.updatedAt)],
    ]),
  ]);
}

function consentSection(report: SubjectAccess): Content[] {
  if (report.consents.length === 0) return [{ text: 'Inga samtycken finns lagrade.', margin: [0, 0, 0, 12] }];
  return report.consents.map((c) =>
    facts([
      ['Samtycke givet', c.givenDate],
      ['Sätt', methods[c.method] ?? c.method],
      ['Dokumentreferens', c.documentRef],
      ['Återkallat', c.withdrawnDate ?? (c.withdrawnAt ? time(c.withdrawnAt) : 'Nej, gäller')],
      ['Parter som får dela uppgifter', c.parties.map((p) => `${p.name} (${p.code}), från ${time(p.addedAt)}`).join('\n')],
    ]),
  );
}

const variants: Record<string, string> = { start: 'Vid start', during: 'Under insatsen', exit: 'Vid avslut' };

function surveySection(report: SubjectAccess): Content[] {
  if (report.surveys.length === 0) return [{ text: 'Inga enkäter har skickats.', margin: [0, 0, 0, 12] }];
  return report.surveys.map((s) =>
    facts([
      ['Enkät', `${variants[s.variant] ?? s.variant}, skickad ${time(s.sentAt)}`],
      ['Besvarad', s.answeredAt ? time(s.answeredAt) : 'Nej'],
      ...s.answers.map((a): [string, string | null] => [a.question, a.text ?? (a.value !== null ? String(a.value) : (a.choices ?? []).join(', '))]),
    ]),
  );
}

const caseKinds: Record<string, string> = { plan_revision: 'Handlingsplan', sub_goal: 'Delmål', meeting: 'Möte' };

function caseSection(report: SubjectAccess): Content[] {
  const own: Content[] =
    report.caseRecords.length === 0
      ? [{ text: 'Inga uppgifter ur handlingsplan eller möten finns lagrade hos oss.', margin: [0, 0, 0, 8] }]
      : report.caseRecords.map((r) => facts([[`${caseKinds[r.kind] ?? r.kind}, ${time(r.at)}`, [r.detail, ...r.texts].filter(Boolean).join('\n')]]));
  const others: Content[] = report.caseRecordsOfOtherParties.map((o) => ({
    text: `${text(o.name)} har ${o.records} egna uppgifter om personen i det gemensamma ärendet. Begär utdrag hos dem.`,
    margin: [0, 0, 0, 4],
  }));
  return [...own, ...others];
}

function accessLogSection(report: SubjectAccess): Content[] {
  const note: Content = {
    text: 'Enskilda medarbetares namn redovisas inte: de handlar på den personuppgiftsansvariges uppdrag. Nekade försök redovisas också.',
    italics: true,
    margin: [0, 0, 0, 6],
  };
  if (report.accessLog.length === 0) return [note, { text: 'Inga åtkomster är registrerade.' }];
  const head: TableCell[] = ['Tid', 'Organisation', 'Roll', 'Åtgärd', 'Syfte', 'Utfall'].map((h) => ({ text: h, bold: true }));
  const body: TableCell[][] = report.accessLog.map((a) => [
    time(a.at),
    text(a.organisation ? a.organisation.name : 'Systemet'),
    text(a.role ? auditLabel(auditRoleLabels, a.role) : null),
    `${auditLabel(auditActionLabels, a.action)}, ${auditLabel(auditEntityLabels, a.entity).toLowerCase()}`,
    text(a.purpose),
    a.outcome === 'denied' ? 'Nekad' : 'Tillåten',
  ]);
  return [note, { table: { headerRows: 1, widths: [72, '*', 70, 80, '*', 40], body: [head, ...body] }, layout: 'lightHorizontalLines', fontSize: 8 }];
}

/** Renders the export; `labels` maps `list:code` to the code lists' Swedish labels. */
export async function renderSubjectAccessPdf(report: SubjectAccess, labels: Labels): Promise<Buffer> {
  const p = report.person;
  const content: Content[] = [
    { text: 'Registerutdrag', style: 'h1' },
    { text: 'Utdrag enligt artikel 15 i dataskyddsförordningen (GDPR)', margin: [0, 0, 0, 8] },
    facts([
      ['Personuppgiftsansvarig', `${report.controller.name} (${report.controller.code})`],
      ['Utdraget upprättat', time(report.generatedAt)],
    ]),
    { text: 'Uppgifter om personen', style: 'h2' },
    facts([
      ['Personnummer', p.personnummer],
      ['Förnamn', p.firstName],
      ['Efternamn', p.lastName],
      ['Egen referens', p.participantRef],
      ['Kön', label(labels, 'gender')(p.gender)],
      ['Födelseår', p.birthYear],
      ['Skyddade personuppgifter', yesNo(p.protectedIdentity)],
      ['Identitet borttagen', p.identityRemovedAt ? time(p.identityRemovedAt) : 'Nej'],
      ['Registrerad', time(p.createdAt)],
      ['Intern identitet', p.id],
    ]),
    { text: 'Inskrivningar', style: 'h2' },
    ...enrolmentSection(report, labels),
    { text: 'Samtycken', style: 'h2' },
    ...consentSection(report),
    { text: 'Enkäter', style: 'h2' },
    ...surveySection(report),
    { text: 'Handlingsplan och möten', style: 'h2' },
    ...caseSection(report),
    { text: 'Vem har tagit del av uppgifterna', style: 'h2' },
    ...accessLogSection(report),
    {
      text: 'Tecken som inte finns i PDF-dokumentets typsnitt visas utan accent eller som ?. Utdraget i JSON-format har exakt stavning.',
      fontSize: 8,
      italics: true,
      margin: [0, 12, 0, 0],
    },
  ];
  const document = pdfmakeWithStandardFonts().createPdf({
    info: { title: 'Registerutdrag', subject: 'Utdrag enligt artikel 15 i dataskyddsförordningen' },
    language: 'sv-SE',
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: { h1: { fontSize: 18, bold: true }, h2: { fontSize: 14, bold: true, margin: [0, 8, 0, 4] }, h3: { fontSize: 11, bold: true } },
    footer: (current, total) => ({ text: `Sida ${current} av ${total}`, alignment: 'right', fontSize: 8, margin: [40, 20, 40, 0] }),
    content,
  });
  return document.getBuffer();
}
