import { useQuery } from '@tanstack/react-query';
import { todayIso } from '../i18n/format';
import { codeListsQuery, type CodeEntry } from './queries';
import type { Option } from '../components/SelectField';

/**
 * Code lists as the database holds them now (they change with the national lists): options for
 * forms leave out closed codes; labels still know them, because old records use them.
 */
export function useCodes() {
  const { data = [] } = useQuery(codeListsQuery);
  const today = todayIso();
  const open = (e: CodeEntry) => e.validFrom <= today && (!e.validTo || e.validTo >= today);
  return {
    entries: data,
    options: (list: string): Option[] => data.filter((e) => e.list === list && open(e)).map((e) => ({ value: e.code, label: e.label })),
    label: (list: string, code: string | null | undefined): string => (code ? (data.find((e) => e.list === list && e.code === code)?.label ?? code) : '–'),
    labels: (list: string, codes: string[]): string => codes.map((c) => data.find((e) => e.list === list && e.code === c)?.label ?? c).join(', ') || '–',
  };
}
