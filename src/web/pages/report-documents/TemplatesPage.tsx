import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { sectionContents, type TemplateSection } from '../../../core/reports/templates';
import { templateChangeInput } from '../../../core/schemas/report-documents';
import { t } from '../../i18n/sv';
import { ApiError, post, put } from '../../lib/api';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { QueryError } from '../NotFoundPage';
import { templatesQuery, type TemplateView } from './queries';

const t2 = t.reportDocuments.templates;

/** The förbund's report templates: copy a built-in one, then adapt the copy. */
export function TemplatesPage() {
  const templates = useQuery(templatesQuery);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (templates.error) return <QueryError error={templates.error} />;
  if (!templates.data) return <p>{t.app.loading}</p>;
  const association = templates.data.copyTo[0];
  const copy = async (id: string, name: string) => {
    try {
      await post('/api/v1/report-templates', { basedOn: id, associationId: association.id, name: t2.copyName(name) });
      await queryClient.invalidateQueries({ queryKey: ['report-templates'] });
      setNotice(t2.copied);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div className="stack">
      <PageHeader title={t2.title} intro={t2.intro} />
      {notice && <Notice tone="success" focus>{notice}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      <section className="card" aria-labelledby="templates">
        <h2 id="templates">{t2.title}</h2>
        <ul className="stack">
          {templates.data.templates.map((x) => (
            <li key={x.id}>
              <strong>{x.name}</strong> – {x.association ? x.association.name : t2.builtIn}, {t2.sections(x.sections.length)}
              {association && !x.association && <div className="actions"><Button variant="secondary" onPress={() => copy(x.id, x.name)}>{t2.copy(x.name)}</Button></div>}
            </li>
          ))}
        </ul>
      </section>
      {templates.data.templates.filter((x) => x.can.edit).map((x) => <TemplateEditor key={x.id} template={x} onSaved={setNotice} />)}
    </div>
  );
}

const contentOptions = sectionContents.map((c) => ({ value: c, label: t2.contents[c] }));

function TemplateEditor({ template, onSaved }: { template: TemplateView; onSaved: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(template.name);
  const [sections, setSections] = useState<TemplateSection[]>(template.sections);
  const [error, setError] = useState<string | null>(null);
  const change = (i: number, patch: Partial<TemplateSection>) => setSections((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: -1 | 1) => setSections((s) => {
    const next = [...s];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    return next;
  });
  const add = () => setSections((s) => [...s, { key: `avsnitt_${Date.now().toString(36)}`, heading: t2.newHeading, content: 'narrative', guidance: '' }]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = templateChangeInput.safeParse({ name, sections });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '');
    try {
      await put(`/api/v1/report-templates/${template.id}`, parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['report-templates'] });
      setError(null);
      onSaved(t2.saved);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const headingId = `edit-${template.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t2.edit(template.name)}</h2>
      <form onSubmit={save} noValidate className="stack">
        {error && <Notice tone="error">{error}</Notice>}
        <TextField label={t2.name} name="name" value={name} onChange={setName} isRequired />
        <ol className="stack">
          {sections.map((section, i) => (
            <li key={section.key}>
              <fieldset className="stack">
                <legend>{t2.section(i + 1)}</legend>
                <TextField label={t2.heading} name={`heading-${section.key}`} value={section.heading} onChange={(heading) => change(i, { heading })} isRequired />
                <SelectField label={t2.content} name={`content-${section.key}`} value={section.content} onChange={(content) => change(i, { content: content as TemplateSection['content'] })} options={contentOptions} />
                {section.content === 'narrative' && <TextField label={t2.guidance} name={`guidance-${section.key}`} value={section.guidance} onChange={(guidance) => change(i, { guidance })} multiline />}
                <div className="actions">
                  <Button variant="quiet" onPress={() => move(i, -1)} isDisabled={i === 0}>{t2.up(section.heading)}</Button>
                  <Button variant="quiet" onPress={() => move(i, 1)} isDisabled={i === sections.length - 1}>{t2.down(section.heading)}</Button>
                  <Button variant="quiet" onPress={() => setSections((s) => s.filter((_, j) => j !== i))} isDisabled={sections.length === 1}>{t2.remove(section.heading)}</Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="actions">
          <Button variant="secondary" onPress={add}>{t2.add}</Button>
          <Button type="submit">{t2.save}</Button>
        </div>
      </form>
    </section>
  );
}
