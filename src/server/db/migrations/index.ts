import type { Migration } from 'kysely';
import * as initial from './2026-11-22-0001-initial.js';

/** Forward-only: append new migrations with a later timestamped name; never edit an old one. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-0001-initial': initial,
};
