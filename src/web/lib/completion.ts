import { t } from '../i18n/sv';

// The exit's completion (fullföljd / avbruten) as a three-way choice: '' is "not recorded".
export type CompletionChoice = '' | 'yes' | 'no';

export const completionOptions = () => [
  { value: '', label: t.exit.completionNotRecorded },
  { value: 'yes', label: t.exit.completionYes },
  { value: 'no', label: t.exit.completionNo },
];

export const completionOf = (choice: string): boolean | null => (choice === 'yes' ? true : choice === 'no' ? false : null);

export const choiceOf = (completed: boolean | null): CompletionChoice => (completed === null ? '' : completed ? 'yes' : 'no');

export const completionLabel = (completed: boolean | null): string =>
  completed === null ? t.exit.completionNotRecorded : completed ? t.exit.completionYes : t.exit.completionNo;
