import { describe, expect, it } from 'vitest';
import { CodeIndex } from './code-index.js';
import { orderedId } from './ordered-id.js';

describe('orderedId', () => {
  it('gives version 7 UUIDs that sort in the order they were made', () => {
    const ids = Array.from({ length: 10_000 }, () => orderedId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('CodeIndex', () => {
  it('finds a code as written, else ignoring case when only one code matches', () => {
    const index = new CodeIndex([{ code: 'AVANTI' }, { code: 'Kraften' }, { code: 'KRAFTEN' }]);
    expect(index.get('AVANTI')?.code).toBe('AVANTI');
    expect(index.get('avanti')?.code).toBe('AVANTI');
    expect(index.get('Kraften')?.code).toBe('Kraften');
    expect(index.get('kraften')).toBeUndefined();
    expect(index.get('OKAND')).toBeUndefined();
  });
});
