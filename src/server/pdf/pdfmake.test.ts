import { describe, expect, it } from 'vitest';
import { drawable } from './pdfmake.js';

describe('text for the standard PDF fonts', () => {
  it('keeps Swedish and other Windows-1252 letters as they are', () => {
    expect(drawable('Åsa Öberg-Ärlig, Café – 100 %')).toBe('Åsa Öberg-Ärlig, Café – 100 %');
  });

  it('drops accents it cannot draw and marks other letters with ?', () => {
    expect(drawable('Şahin Łukasz Ωmega')).toBe('Sahin ?ukasz ?mega');
  });
});
