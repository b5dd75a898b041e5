import { describe, expect, it } from 'vitest';
import { metOnly, type Fulfilment } from './goals.js';

const judged = (status: Fulfilment['status'], value: number | null): Fulfilment => ({
  status, value, target: 0.75, rule: 'Andel som förbättrat sig', inputs: [{ label: 'Förbättrade', value: 70 }, { label: 'Svarade före och efter', value: 92 }],
});

describe('a survey or employment goal outside the controlling organisation', () => {
  it('says only whether it was met, on a base of at least k', () => {
    const shown = metOnly(judged('not_met', 0.7609), 92, 5);
    expect(shown).toMatchObject({ status: 'not_met', value: null, target: 0.75 });
    expect(shown.inputs.map((i) => i.value)).toEqual([null, null]);
  });

  it('is not judged on a base under k, nor when there is no data', () => {
    expect(metOnly(judged('met', 1), 4, 5)).toMatchObject({ status: 'no_data', value: null });
    expect(metOnly(judged('no_data', null), null, 5)).toMatchObject({ status: 'no_data', value: null });
  });
});
