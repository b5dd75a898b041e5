// Codes in files are matched as written first, then ignoring case, so 'avanti' finds AVANTI but
// never picks one of two codes that differ only in case.

export class CodeIndex<T extends { code: string }> {
  private readonly exact = new Map<string, T>();
  private readonly folded = new Map<string, T[]>();

  constructor(rows: Iterable<T> = []) {
    for (const row of rows) this.add(row);
  }

  add(row: T): void {
    this.exact.set(row.code, row);
    const key = fold(row.code);
    const list = this.folded.get(key);
    if (list) list.push(row);
    else this.folded.set(key, [row]);
  }

  get(code: string): T | undefined {
    const exact = this.exact.get(code);
    if (exact) return exact;
    const candidates = this.folded.get(fold(code));
    return candidates?.length === 1 ? candidates[0] : undefined;
  }
}

const fold = (code: string) => code.normalize('NFC').trim().toLowerCase();

/** Team names are matched the same way within one intervention ("Team a" is "Team A"). */
export const foldName = fold;
