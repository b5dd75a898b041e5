import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsSolver, determinedVariables, suppressCells, type Equation, type LinearSystem, type Variable } from './linear-system.js';

// ---------------------------------------------------------------------------------------------
// Linked tables like a family of periods: months × positions, two "tertials" and a "year" as
// sums of months, every row with its total. An independent check shares no code with the
// suppression: depth-first search over whole numbers (each hidden value within ±reach of the
// truth, at or above its lower bound) for a table that agrees with everything published and
// the relations, but differs in one hidden value.
// ---------------------------------------------------------------------------------------------

type Linked = { system: LinearSystem; names: string[] };

function linkedTable(months: number[][], lowerOne: boolean[][]): Linked {
  const variables: Variable[] = [];
  const names: string[] = [];
  const equations: Equation[] = [];
  const add = (name: string, value: number, lower = 0) => {
    names.push(name);
    return variables.push({ value, kind: 'cell', lower }) - 1;
  };
  const width = months[0].length;
  const row = (name: string, cells: number[], lowers: boolean[] = []) => {
    const refs = cells.map((v, j) => add(`${name}.${j}`, v, lowers[j] && v >= 1 ? 1 : 0));
    const total = add(`${name}.total`, cells.reduce((s, v) => s + v, 0));
    equations.push([...refs.map((r) => [r, 1] as const), [total, -1]]);
    return [...refs, total];
  };
  const monthRows = months.map((cells, i) => row(`m${i}`, cells, lowerOne[i]));
  const half = Math.ceil(months.length / 2);
  const group = (name: string, from: number, to: number) => {
    const cells = Array.from({ length: width }, (_, j) => months.slice(from, to).reduce((s, r) => s + r[j], 0));
    const refs = row(name, cells);
    refs.forEach((ref, j) => equations.push([...monthRows.slice(from, to).map((r) => [r[j], 1] as const), [ref, -1]]));
    return refs;
  };
  const t1 = group('t1', 0, half);
  const t2 = group('t2', half, months.length);
  const year = group('year', 0, months.length);
  year.forEach((ref, j) => equations.push([[t1[j], 1], [t2[j], 1], [ref, -1]]));
  return { system: { variables, equations }, names };
}

/** Names of hidden values every table agreeing with the published ones gives the same value. */
function bruteDetermined({ system, names }: Linked, hidden: readonly boolean[], reach: number): string[] {
  const unknown = system.variables.map((_, v) => v).filter((v) => hidden[v]);
  const position = new Map(unknown.map((v, i) => [v, i]));
  const due = unknown.map(() => [] as Equation[]);
  for (const equation of system.equations) {
    const last = Math.max(-1, ...equation.map(([v]) => position.get(v) ?? -1));
    if (last >= 0) due[last].push(equation);
  }
  const value = system.variables.map((v) => v.value);
  const cap = Math.max(...value) + 2;
  const exists = (target: number): boolean => {
    const dfs = (i: number): boolean => {
      if (i === unknown.length) return value[target] !== system.variables[target].value;
      const v = unknown[i];
      const { value: truth, lower = 0 } = system.variables[v];
      const [lo, hi] = Number.isFinite(reach) ? [Math.max(lower, truth - reach), truth + reach] : [lower, cap];
      for (let x = lo; x <= hi; x++) {
        value[v] = x;
        if (due[i].every((equation) => equation.reduce((s, [u, a]) => s + a * value[u], 0) === 0) && dfs(i + 1)) {
          value[v] = truth;
          return true;
        }
      }
      value[v] = truth;
      return false;
    };
    return dfs(0);
  };
  return unknown.filter((v) => !exists(v)).map((v) => names[v]);
}

const count = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 2, arbitrary: fc.integer({ min: 5, max: 12 }) });
const linkedArb = (maxMonths: number, maxWidth: number) =>
  fc
    .tuple(fc.integer({ min: 2, max: maxMonths }), fc.integer({ min: 1, max: maxWidth }))
    .chain(([m, w]) =>
      fc.record({
        months: fc.array(fc.array(count, { minLength: w, maxLength: w }), { minLength: m, maxLength: m }),
        lowerOne: fc.array(fc.array(fc.boolean(), { minLength: w, maxLength: w }), { minLength: m, maxLength: m }),
      }),
    );

describe('suppression of linked tables (a year, its parts and its months)', () => {
  it('hides every small cell and leaves no hidden value derivable across the links (brute force, 300 tables)', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(linkedArb(4, 2), fc.constantFrom(3, 5), ({ months, lowerOne }, k) => {
        const linked = linkedTable(months, lowerOne);
        const hidden = suppressCells(linked.system, k);
        const small = linked.system.variables.flatMap((v, i) => (v.value >= 1 && v.value < k && !hidden[i] ? [linked.names[i]] : []));
        expect(small).toEqual([]);
        expect(bruteDetermined(linked, hidden, 2)).toEqual([]);
        expect(determinedVariables(linked.system, hidden, k)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('decides "derivable" exactly as bounding every value by linear programs does (random masks)', { timeout: 300_000 }, () => {
    const withMask = linkedArb(4, 3).chain((table) => {
      const size = linkedTable(table.months, table.lowerOne).system.variables.length;
      return fc.record({ table: fc.constant(table), mask: fc.array(fc.boolean(), { minLength: size, maxLength: size }) });
    });
    fc.assert(
      fc.property(withMask, ({ table, mask }) => {
        const { system } = linkedTable(table.months, table.lowerOne);
        const bounds = boundsSolver(system, mask);
        const byBounds = system.variables.flatMap((_, v) => (mask[v] && bounds(v).max - bounds(v).min < 1e-6 ? [v] : []));
        expect(determinedVariables(system, mask)).toEqual(byBounds);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with exhaustive enumeration on tiny linked tables', { timeout: 300_000 }, () => {
    const withMask = linkedArb(2, 2).chain((table) => {
      const size = linkedTable(table.months, table.lowerOne).system.variables.length;
      return fc.record({ table: fc.constant(table), mask: fc.array(fc.boolean(), { minLength: size, maxLength: size }) });
    });
    fc.assert(
      fc.property(withMask, ({ table, mask }) => {
        const linked = linkedTable(table.months, table.lowerOne);
        const fast = determinedVariables(linked.system, mask).map((v) => linked.names[v]);
        expect(fast).toEqual(bruteDetermined(linked, mask, Infinity));
      }),
      { numRuns: 300 },
    );
  });
});
