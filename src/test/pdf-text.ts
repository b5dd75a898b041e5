import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/**
 * A PDF's text as poppler's pdftotext reads it (-layout: a table row stays one line), no-break
 * spaces and runs of spaces as one space: what a reader sees, whatever the file's compression.
 */
export function pdfText(pdf: Uint8Array): string {
  const result = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ');
}
