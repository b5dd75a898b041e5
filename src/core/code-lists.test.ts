import { describe, expect, it } from 'vitest';
import { codeLists, genders, groupOf, isWorkOrStudiesExit, labelOf, reportGenderLabels, resolveCode, type CodeListName } from './code-lists.js';

describe('code lists', () => {
  it('has every list of domain.md with unique codes and labels', () => {
    expect(Object.keys(codeLists)).toEqual([
      'gender',
      'organisation_kind',
      'income_source',
      'occupation',
      'education',
      'support_time',
      'exit_reason',
      'activity_type',
      'employment_type',
      'meeting_type',
      'target_group',
      'cost_category',
      'workplace_sector',
    ]);
    for (const name of Object.keys(codeLists) as CodeListName[]) {
      const entries = codeLists[name] as readonly { code: string; label: string }[];
      expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
      expect(new Set(entries.map((e) => e.label.toLowerCase())).size).toBe(entries.length);
      // No label may equal another entry's code, or resolveCode would be ambiguous.
      for (const e of entries) {
        expect(resolveCode(name, e.code)).toBe(e.code);
        expect(resolveCode(name, e.label)).toBe(e.code);
      }
    }
  });

  it('keeps the order and groups of domain.md', () => {
    expect(codeLists.exit_reason.map((e) => e.code).slice(0, 4)).toEqual(['work', 'subsidised_work', 'studies', 'job_seeking']);
    expect(codeLists.exit_reason.at(-1)).toEqual({ code: 'registration_error', label: 'Felregistrering', group: 'excluded' });
    expect(codeLists.income_source.map((e) => e.group)).toEqual([
      'ill_health',
      'ill_health',
      'ill_health',
      'labour_market_support',
      'labour_market_support',
      'labour_market_support',
      'financial_assistance',
      'self_support',
      'self_support',
      'other',
      'other',
      'other',
    ]);
    expect(codeLists.support_time.map((e) => e.label)).toEqual(['Inget', 'Mindre än 1 år', '1–2 år', '2–5 år', 'Mer än 5 år', 'Uppgift saknas']);
    expect(genders).toEqual(codeLists.gender.map((e) => e.code));
    expect(Object.values(reportGenderLabels)).toEqual(['Kvinnor', 'Män', 'Annat/ej angivet', 'Totalt']);
  });

  it('resolves codes and Swedish labels case-insensitively, trimmed', () => {
    expect(resolveCode('gender', ' KVINNA ')).toBe('woman');
    expect(resolveCode('exit_reason', 'arbetssökande hos arbetsförmedlingen')).toBe('job_seeking');
    expect(resolveCode('exit_reason', 'SFI')).toBe('sfi');
    expect(resolveCode('income_source', 'FÖRSÖRJNINGSSTÖD (EKONOMISKT BISTÅND)')).toBe('social_assistance');
    expect(resolveCode('education', 'Fo\u0308rgymnasial 9 (10) år')).toBe('primary'); // decomposed ö
    expect(resolveCode('gender', 'Kvinnor')).toBeUndefined();
    expect(resolveCode('gender', '')).toBeUndefined();
    expect(resolveCode(codeLists.occupation, 'studier')).toBe('studying');
  });

  it('gives labels and groups', () => {
    expect(labelOf('exit_reason', 'work')).toBe('Arbete');
    expect(labelOf('exit_reason', 'nope')).toBeUndefined();
    expect(groupOf('exit_reason', 'rehab_need_clarified')).toBe('further_measures');
    expect(groupOf('income_source', 'salary')).toBe('self_support');
  });

  it('counts work and studies exits by the subsidised rule', () => {
    expect(['work', 'studies', 'subsidised_work', 'job_seeking', 'registration_error'].map((r) => isWorkOrStudiesExit(r, true))).toEqual([true, true, true, false, false]);
    expect(isWorkOrStudiesExit('subsidised_work', false)).toBe(false);
  });
});
