// How people search for a person: words in any order, without regard to case or diacritics
// ("angstrom" finds "Ångström"), and a personnummer by any part of at least four digits.

const foldedFrom = 'åäöáàâãéèêëíìîïóòôõúùûüýÿçñøæ';
const foldedTo = 'aaoaaaaeeeeiiiioooouuuuyycnoa';

/** The characters the database folds with `translate(lower(x), from, to)`: the same as `fold`. */
export const foldTranslation = { from: foldedFrom, to: foldedTo } as const;

/** Lower case, with the diacritics of names in Sweden folded to their base letter. */
export function fold(text: string): string {
  let out = '';
  for (const c of text.toLowerCase()) {
    const i = foldedFrom.indexOf(c);
    out += i >= 0 ? foldedTo[i] : c;
  }
  return out;
}

export type SearchTerm = { kind: 'digits'; value: string } | { kind: 'text'; value: string };

/** The words of a query: runs of at least four digits (a dash allowed) search personnummer, the rest names and references. */
export function searchTerms(query: string): SearchTerm[] {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .map((word): SearchTerm => {
      const digits = word.replace(/-/g, '');
      return /^\d{4,}$/.test(digits) ? { kind: 'digits', value: digits } : { kind: 'text', value: fold(word) };
    });
}
