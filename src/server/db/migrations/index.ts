import type { Migration } from 'kysely';
import * as initial from './2026-11-22-0001-initial.js';
import * as dataProtection from './2026-11-22-0200-data-protection.js';
import * as auditChain from './2026-11-22-0300-audit-chain.js';
import * as authHardening from './2026-11-22-0400-auth-hardening.js';
import * as benchIndexes from './2026-11-22-0450-bench-indexes.js';
import * as personMatching from './2026-11-28-0100-person-matching.js';
import * as protectedConsentReference from './2026-11-28-0110-protected-consent-reference.js';
import * as rights from './2026-11-28-0200-rights.js';
import * as passwordChange from './2026-11-28-0300-password-change.js';
import * as enrolmentRevisions from './2026-11-28-0400-enrolment-revisions.js';
import * as auditSealer from './2026-11-28-1100-audit-sealer.js';
import * as caseRecords from './2026-11-28-1200-case-records.js';
import * as activities from './2026-11-28-1210-activities.js';
import * as surveys from './2026-11-28-1300-surveys.js';
import * as exitCompleted from './2026-11-28-1400-exit-completed.js';
import * as goalsAndBudget from './2026-11-28-1400-goals-and-budget.js';
import * as nationalExport from './2026-11-28-1500-national-export.js';
import * as reportDocuments from './2026-11-28-1500-report-documents.js';
import * as importWriteCosts from './2026-11-28-1600-import-write-costs.js';
import * as suppressionDecisions from './2026-11-28-1600-suppression-decisions.js';
import * as enrolmentListing from './2026-11-28-1700-enrolment-listing.js';

/** Forward-only: append new migrations with a later timestamped name; never edit an old one. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-0001-initial': initial,
  '2026-11-22-0200-data-protection': dataProtection,
  '2026-11-22-0300-audit-chain': auditChain,
  '2026-11-22-0400-auth-hardening': authHardening,
  '2026-11-22-0450-bench-indexes': benchIndexes,
  '2026-11-28-0100-person-matching': personMatching,
  '2026-11-28-0110-protected-consent-reference': protectedConsentReference,
  '2026-11-28-0200-rights': rights,
  '2026-11-28-0300-password-change': passwordChange,
  '2026-11-28-0400-enrolment-revisions': enrolmentRevisions,
  '2026-11-28-1100-audit-sealer': auditSealer,
  '2026-11-28-1200-case-records': caseRecords,
  '2026-11-28-1210-activities': activities,
  '2026-11-28-1300-surveys': surveys,
  '2026-11-28-1400-exit-completed': exitCompleted,
  '2026-11-28-1400-goals-and-budget': goalsAndBudget,
  '2026-11-28-1500-national-export': nationalExport,
  '2026-11-28-1500-report-documents': reportDocuments,
  '2026-11-28-1600-import-write-costs': importWriteCosts,
  '2026-11-28-1600-suppression-decisions': suppressionDecisions,
  '2026-11-28-1700-enrolment-listing': enrolmentListing,
};
