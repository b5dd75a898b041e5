import type { ReportCell, ReportColumnKind, ReportDocument, ReportTable } from '../../../core/reports/document';
import type { TemplateSection } from '../../../core/reports/templates';
import { t } from '../../i18n/sv';
import { formatNumber, formatPercent } from '../../i18n/format';
import { TextField } from '../../components/Field';

const t2 = t.reportDocuments;

/** A cell as every format shows it: by its column's kind; "Dolt" when suppressed, "–" without a value. */
export function cellText(cell: ReportCell | undefined, kind: ReportColumnKind): string {
  if (cell === null || cell === undefined) return t2.cells.none;
  if (typeof cell === 'object') return t2.cells.hidden;
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'share':
      return formatPercent(cell);
    case 'money':
      return t2.kronor(cell);
    case 'number':
      return cell.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
    default:
      return formatNumber(cell);
  }
}

export function DocumentTable({ table }: { table: ReportTable }) {
  const [first, ...rest] = table.columns;
  return (
    <>
      <div className="table-wrap">
        <table className="data">
          <caption>{table.caption}</caption>
          <thead><tr>{table.columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr></thead>
          <tbody>
            {table.rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id and never move
              <tr key={i}>
                <th scope="row">{cellText(row[first.key], first.kind)}</th>
                {rest.map((c) => <td key={c.key}>{cellText(row[c.key], c.kind)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.notes.map((note) => <p key={note} className="help">{note}</p>)}
    </>
  );
}

/** Plain text: blank lines separate paragraphs; never interpreted as markup (React escapes it). */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) return <p className="help">{t2.narrative.empty}</p>;
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no id, may repeat, and never move
        <p key={i} className="pre-line">{p}</p>
      ))}
    </>
  );
}

type Editing = { values: Record<string, string>; onChange: (key: string, value: string) => void };

/**
 * The report as accessible HTML: one h2 per section, tables with captions and row headers. While
 * the lead edits, each written section is a text field in its place.
 */
export function DocumentContent({ document, sections, editing }: { document: ReportDocument; sections: TemplateSection[]; editing?: Editing }) {
  return (
    <>
      {document.sections.map((section, index) => {
        const template = sections[index];
        const headingId = `section-${index}`;
        return (
          <section key={headingId} className="card" aria-labelledby={headingId}>
            <h2 id={headingId}>{section.heading}</h2>
            {editing && template?.content === 'narrative' ? (
              <TextField
                label={section.heading}
                name={`narrative-${template.key}`}
                value={editing.values[template.key] ?? ''}
                onChange={(value) => editing.onChange(template.key, value)}
                help={template.guidance ? `${template.guidance} ${t2.narrative.plainText}` : t2.narrative.plainText}
                multiline
              />
            ) : (
              section.blocks.map((block) =>
                block.kind === 'text' ? <Paragraphs key="text" text={block.text} />
                : block.kind === 'table' ? <DocumentTable key={`table-${block.table.caption}`} table={block.table} />
                : <DocumentTable key={`chart-${block.chart.title}`} table={block.chart.table} />,
              )
            )}
          </section>
        );
      })}
    </>
  );
}
