import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { get, put } from '../../lib/api';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { ErrorNotice, Notice } from '../../components/Notice';

type QuestionText = { text: string; options: string[] | null };
type Question = { id: string; key: string; version: number; kind: string; options: string[] | null; texts: Record<string, QuestionText>; missingLanguages: string[] };
type Questionnaire = { id: string; name: string; languages: string[]; questions: Question[] };

/** Questions and their translations (issue 13): a förbund or an intervention lead enters each language. */
export function TranslationsPage() {
  const list = useQuery({ queryKey: ['questionnaires'], queryFn: () => get<{ items: { id: string }[] }>('/api/v1/questionnaires') });
  const id = list.data?.items[0]?.id;
  const questionnaire = useQuery({ queryKey: ['questionnaire', id], queryFn: () => get<Questionnaire>(`/api/v1/questionnaires/${id}`), enabled: !!id });
  const [language, setLanguage] = useState('ar');
  const q = questionnaire.data;
  const missing = q ? q.questions.filter((question) => question.missingLanguages.includes(language)).length : 0;
  return (
    <div className="stack">
      <PageHeader title={t.surveys.translationsTitle} intro={t.surveys.translationsIntro} />
      <ErrorNotice error={list.error ?? questionnaire.error} />
      {q && (
        <>
          <div className="card form-grid">
            <SelectField label={t.surveys.language} name="language" value={language} onChange={setLanguage}
              options={q.languages.map((l) => ({ value: l, label: t.surveys.languages[l] ?? l }))} />
            <p>{missing === 0 ? t.surveys.complete : t.surveys.missingCount(missing)}</p>
          </div>
          <h2>{q.name}</h2>
          {q.questions.map((question) => (
            <TranslationForm key={`${question.id}-${language}`} questionnaireId={q.id} question={question} language={language} />
          ))}
        </>
      )}
    </div>
  );
}

function TranslationForm({ questionnaireId, question, language }: { questionnaireId: string; question: Question; language: string }) {
  const queryClient = useQueryClient();
  const current = question.texts[language];
  const swedish = question.texts.sv;
  const slots = question.kind === 'step' ? 2 : (question.options?.length ?? 0);
  const [text, setText] = useState(current?.text ?? '');
  const [options, setOptions] = useState<string[]>(Array.from({ length: slots }, (_, i) => current?.options?.[i] ?? ''));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    try {
      await put(`/api/v1/questionnaires/${questionnaireId}/questions/${question.id}/texts/${language}`, { text, ...(slots > 0 && { options }) });
      await queryClient.invalidateQueries({ queryKey: ['questionnaire'] });
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };
  const optionLabel = (i: number) => (question.kind === 'step' ? t.surveys.stepEnds[i] : t.surveys.option(i + 1));
  const formId = `tr-${question.id}`;
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={formId}>
      <h3 id={formId}>{swedish?.text ?? question.key}</h3>
      {!current && <p><strong>{t.surveys.missing}</strong></p>}
      <TextField label={t.surveys.questionText} name="text" value={text} onChange={setText} multiline />
      {options.map((value, i) => (
        <TextField key={question.options?.[i] ?? (i === 0 ? 'low' : 'high')} label={`${optionLabel(i)} (${t.surveys.swedishReference} ${swedish?.options?.[i] ?? question.options?.[i] ?? ''})`} name={`option-${i}`} value={value}
          onChange={(v) => setOptions((all) => all.map((o, j) => (j === i ? v : o)))} />
      ))}
      {saved && <Notice tone="success">{t.surveys.saved}</Notice>}
      <ErrorNotice error={error} />
      <div className="actions"><Button type="submit">{t.surveys.save}</Button></div>
    </form>
  );
}
