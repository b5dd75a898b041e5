/** One CSV row: keys are the headers of domain.md, values exactly as they would stand in a cell. */
export type RawRecord = Record<string, string>;

export type GeneratedData = {
  organisations: RawRecord[];
  interventions: RawRecord[];
  enrolments: RawRecord[];
  teams: { intervention: string; name: string }[];
};

export type Gender = 'woman' | 'man' | 'other';

/** The four member parties of a samordningsförbund (Finsam: kommun, AF, FK, region). */
export type Role = 'municipality' | 'af' | 'fk' | 'region';
