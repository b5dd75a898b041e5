import { describe, expect, it } from 'vitest';
import { fold, foldTranslation, searchTerms } from './search.js';

describe('search terms', () => {
  it('folds case and the diacritics of names', () => {
    expect(fold('Ångström')).toBe('angstrom');
    expect(fold('ÉLODIE Müller-Öberg')).toBe('elodie muller-oberg');
    expect(foldTranslation.from.length).toBe(foldTranslation.to.length);
  });

  it('splits words in any order and recognises parts of a personnummer', () => {
    expect(searchTerms('  Persson  Anna ')).toEqual([
      { kind: 'text', value: 'persson' },
      { kind: 'text', value: 'anna' },
    ]);
    expect(searchTerms('19900101-0017')).toEqual([{ kind: 'digits', value: '199001010017' }]);
    expect(searchTerms('0017 anna')).toEqual([
      { kind: 'digits', value: '0017' },
      { kind: 'text', value: 'anna' },
    ]);
    // Three digits are too few to mean a personnummer: they search names and references.
    expect(searchTerms('123')).toEqual([{ kind: 'text', value: '123' }]);
  });
});
