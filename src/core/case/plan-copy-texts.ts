// The words of the participant's copy of the action plan, in plain Swedish (klarspråk), shared by
// the PDF (server) and the web page so both say the same.

const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export const planCopyTexts = {
  title: 'Min handlingsplan',
  updated: 'Senast ändrad',
  goal: 'Mitt mål',
  ownWords: 'Med mina egna ord',
  steps: 'Mina steg på vägen',
  noSteps: 'Inga steg är inskrivna ännu.',
  step: 'Steg',
  who: 'Vem ansvarar',
  when: 'Klart senast',
  status: 'Läge',
  you: 'Du själv',
  next: 'Nästa gång vi ses',
  nextMeeting: 'Nästa möte',
  nextFollowUp: 'Nästa uppföljning',
  notBooked: 'inte bokat ännu',
  contacts: 'Dina kontaktpersoner',
  footer: 'Planen är din. Fråga din kontaktperson om något är oklart eller om du vill ändra något.',
  /** 2026-03-05 or an ISO time → 5 mars 2026 (in Sweden's time zone). */
  day: (value: string) => {
    const iso = value.length > 10 ? new Date(value).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }) : value;
    const [y, m, d] = iso.split('-').map(Number);
    return `${d} ${months[m - 1]} ${y}`;
  },
  /** 2026-03-05T09:30 (local) → 5 mars 2026 kl. 09.30 */
  dayTime: (value: string) => `${planCopyTexts.day(value.slice(0, 10))} kl. ${value.slice(11, 16).replace(':', '.')}`,
};

export const subGoalStatusText: Record<string, string> = { not_started: 'Inte påbörjat', ongoing: 'Pågår', reached: 'Klart', dropped: 'Avslutat' };
