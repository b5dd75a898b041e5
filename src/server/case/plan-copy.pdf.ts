import type { Content } from 'pdfmake';
import { drawable, pdfmakeWithStandardFonts } from '../pdf/pdfmake.js';
import type { ParticipantCopy } from './plan.service.js';
import { planCopyTexts as t, subGoalStatusText } from '../../core/case/plan-copy-texts.js';

// The participant's own copy of the action plan (issue 10, item 3): plain Swedish, large type,
// the participant's goal first, to take home instead of the paper plan. Not PDF/UA: the same
// content is an accessible page in the web app (GET …/plan/copy).

const text = (value: string | null | undefined) => (value ? drawable(value) : '–');

export async function renderPlanCopyPdf(copy: ParticipantCopy): Promise<Buffer> {
  const content: Content[] = [
    { text: t.title, style: 'h1' },
    ...(copy.name ? [{ text: drawable(copy.name), fontSize: 14, margin: [0, 0, 0, 4] } as Content] : []),
    { text: `${t.updated} ${t.day(copy.updatedAt)}`, color: '#444444', margin: [0, 0, 0, 16] },
    { text: t.goal, style: 'h2' },
    { text: text(copy.mainGoal), fontSize: 14, margin: [0, 0, 0, 12] },
    ...(copy.ownWords ? [{ text: t.ownWords, style: 'h2' } as Content, { text: `”${drawable(copy.ownWords)}”`, italics: true, margin: [0, 0, 0, 12] } as Content] : []),
    { text: t.steps, style: 'h2' },
    copy.subGoals.length === 0
      ? { text: t.noSteps, margin: [0, 0, 0, 12] }
      : {
          table: {
            headerRows: 1,
            widths: ['*', 110, 80, 80],
            body: [
              [t.step, t.who, t.when, t.status].map((h) => ({ text: h, bold: true })),
              ...copy.subGoals.map((g) => [text(g.text), g.responsible ? drawable(g.responsible) : t.you, g.targetDate ? t.day(g.targetDate) : '–', subGoalStatusText[g.status]]),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 12],
        },
    { text: t.next, style: 'h2' },
    {
      ul: [`${t.nextMeeting}: ${copy.nextMeeting ? t.dayTime(copy.nextMeeting) : t.notBooked}`, `${t.nextFollowUp}: ${copy.nextFollowUp ? t.day(copy.nextFollowUp) : t.notBooked}`],
      margin: [0, 0, 0, 12],
    },
    { text: t.contacts, style: 'h2' },
    copy.contacts.length === 0 ? { text: '–' } : { ul: copy.contacts.map((c) => `${drawable(c.name)}, ${drawable(c.organisation)}`) },
    { text: t.footer, fontSize: 11, margin: [0, 20, 0, 0] },
  ];
  const document = pdfmakeWithStandardFonts().createPdf({
    info: { title: t.title },
    language: 'sv-SE',
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'Helvetica', fontSize: 12, lineHeight: 1.25 },
    styles: { h1: { fontSize: 22, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 15, bold: true, margin: [0, 6, 0, 4] } },
    content,
  });
  return document.getBuffer();
}
