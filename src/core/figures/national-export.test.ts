import { describe, expect, it } from 'vitest';
import { nationalExportCsv, type NationalRow } from './national-export.js';

const row = (over: Partial<NationalRow>): NationalRow => ({
  association: 'FINSAM', year: 2025, code: 'AVANTI', name: 'Avanti', owner: 'Malmö stad', orientation: 'individual', followUpMethod: 'stegvis',
  volumeTarget: 160, grant: 1_200_000, budget: 1_150_000.5, actualCost: 980_000.25, administrativeCost: null,
  woman: 24, man: null, other: 0, total: 65, anonymous: 3, ...over,
});

describe('the national export as CSV for people', () => {
  it('writes counts, a hidden count as Dolt, money with a decimal comma and a missing amount empty', () => {
    const [header, line, end] = nationalExportCsv([row({})]).split('\r\n');
    expect(header.startsWith('\uFEFFFörbund;År;Insatskod;')).toBe(true);
    expect(line).toBe('FINSAM;2025;AVANTI;Avanti;Malmö stad;Individinriktad;Stegvis;24;Dolt;0;65;3;160;1200000,00;1150000,50;980000,25;');
    expect(end).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula, and quotes a semicolon', () => {
    const [, line] = nationalExportCsv([row({ name: '=HYPERLINK("http://example.test")', owner: 'Kommun; AF', followUpMethod: 'sus', orientation: 'structural' })]).split('\r\n');
    expect(line).toContain(`;"'=HYPERLINK(""http://example.test"")";"Kommun; AF";Strukturinriktad;SUS;`);
  });
});
