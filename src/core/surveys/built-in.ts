import type { SurveyLanguage } from './languages.js';
import type { QuestionDefinition, QuestionText } from './questionnaire.js';

// The built-in participant survey: the questions and answer scales of the Sundsvall slutrapport,
// Bilaga 2 ("Enkät deltagare", questions 1–10 and the question about gender), plus two questions
// asked at start, during and exit so that stegförflyttning can be measured from start to exit:
// how often the participant feels well (the "förbättrat mående" goals) and how close to work or
// studies they feel (the step scale 1–10). Questions 1–7, 9 and 10 are about the support given,
// so they are not asked at start. Shipped in Swedish, lätt svenska and English; staff add the
// other languages.

export const builtInCode = 'deltagarenkat';
export const builtInName = 'Deltagarenkät (Bilaga 2, Sundsvall)';

const all = ['start', 'during', 'exit'] as const;
const later = ['during', 'exit'] as const;

type BuiltInQuestion = QuestionDefinition & { texts: Partial<Record<SurveyLanguage, QuestionText>> };

export const builtInQuestions: BuiltInQuestion[] = [
  {
    key: 'gender', kind: 'single', variants: all, options: ['woman', 'man', 'other'],
    texts: {
      sv: { text: 'Om dig', options: ['Kvinna', 'Man', 'Vill inte svara/inget svarsalternativ passar'] },
      'sv-easy': { text: 'Är du kvinna eller man?', options: ['Kvinna', 'Man', 'Jag vill inte svara'] },
      en: { text: 'About you', options: ['Woman', 'Man', 'Prefer not to say / no option fits'] },
    },
  },
  frequency('q1', later, 'Får du stöd på ett sätt som är till stor nytta för dig?', 'Får du stöd som hjälper dig mycket?', 'Do you get support in a way that is of great use to you?'),
  frequency('q2', later, 'Är du med och bestämmer vilket stöd du skall få?', 'Får du vara med och bestämma vilket stöd du får?', 'Do you take part in deciding what support you get?'),
  frequency('q3', later, 'Får stödet ta den tid du behöver?', 'Får du den tid du behöver?', 'Does the support get to take the time you need?'),
  frequency('q4', later, 'Stödjer insatsen dig i kontakterna med myndigheterna och vården?', 'Får du hjälp när du ska prata med myndigheter och vården?', 'Does the service support you in your contacts with authorities and health care?'),
  extent('q5', 'Har det stöd du fått hjälpt dig att utveckla sätt att hantera din situation?', 'Har stödet hjälpt dig att klara din situation bättre?', 'Has the support you received helped you develop ways to handle your situation?'),
  extent('q6', 'Känner du dig mer redo att kunna arbeta eller studera jämfört med innan du fick kontakt med oss?', 'Känner du dig mer redo att arbeta eller studera nu än innan du kom till oss?', 'Do you feel more ready to work or study than before you came into contact with us?'),
  extent('q7', 'Upplever du att personalen tar tillvara dina erfarenheter, såsom kunskaper och synpunkter?', 'Lyssnar personalen på det du kan och det du tycker?', 'Do you feel that the staff make use of your experience, such as your knowledge and views?'),
  frequency('wellbeing', all, 'Hur ofta mår du bra?', 'Hur ofta mår du bra?', 'How often do you feel well?'),
  {
    key: 'closeness', kind: 'step', variants: all, range: { min: 1, max: 10 },
    texts: {
      sv: { text: 'Hur nära arbete eller studier känner du dig?', options: ['Långt ifrån', 'Mycket nära'] },
      'sv-easy': { text: 'Hur nära ett jobb eller studier känner du dig?', options: ['Långt bort', 'Mycket nära'] },
      en: { text: 'How close to work or studies do you feel?', options: ['Far from it', 'Very close'] },
    },
  },
  freeText('q8', all, 'Vad är viktigt för dig för att kunna arbeta eller studera?', 'Vad behöver du för att kunna arbeta eller studera?', 'What is important for you to be able to work or study?'),
  freeText('q9', later, 'Hur gör stödet du får skillnad för dig? (Beskriv gärna vad och varför)', 'Hur hjälper stödet dig? Skriv gärna vad och varför.', 'How does the support you get make a difference to you? (Feel free to describe what and why)'),
  freeText('q10', later, 'Vad kan göras annorlunda?', 'Vad kan vi göra på ett annat sätt?', 'What could be done differently?'),
];

function frequency(key: string, variants: QuestionDefinition['variants'], sv: string, easy: string, en: string): BuiltInQuestion {
  return { key, kind: 'frequency', variants, texts: { sv: { text: sv }, 'sv-easy': { text: easy }, en: { text: en } } };
}

function extent(key: string, sv: string, easy: string, en: string): BuiltInQuestion {
  return { key, kind: 'extent', variants: later, texts: { sv: { text: sv }, 'sv-easy': { text: easy }, en: { text: en } } };
}

function freeText(key: string, variants: QuestionDefinition['variants'], sv: string, easy: string, en: string): BuiltInQuestion {
  return { key, kind: 'text', variants, texts: { sv: { text: sv }, 'sv-easy': { text: easy }, en: { text: en } } };
}
