// Requests to the participants' pages per client address and minute (issue 13: rate-limited, so
// tokens cannot be tried in bulk; 256-bit tokens make guessing hopeless anyway). Counted in the
// process: each server process allows the limit on its own, which is enough against guessing.

export function surveyLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return (address: string): boolean => {
    const at = now();
    const window = windows.get(address);
    if (!window || at - window.start >= 60_000) {
      if (windows.size > 10_000) for (const [key, w] of windows) if (at - w.start >= 60_000) windows.delete(key);
      windows.set(address, { start: at, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= perMinute;
  };
}
