// The log review API's answers (server/audit/log-review.schemas.ts, log-review-search.schemas.ts).

export type AccessRow = {
  id: number;
  at: string;
  user: { id: string; name: string; email: string } | null;
  organisation: { id: string; code: string; name: string } | null;
  role: string | null;
  action: string;
  entity: string;
  person: { id: string; name: string | null; participantRef: string | null } | null;
  enrolmentId: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied';
  protected: boolean;
  requestId: string | null;
};

export type Period = { from: string | null; to: string | null };
export type AccessList = { items: AccessRow[]; total: number; page: number; pageSize: number; period: Period };
export type AccessSample = { items: AccessRow[]; population: number; seed: string; period: Period };
export type PersonHit = { id: string; personnummer: string | null; name: string | null; participantRef: string | null };
export type PersonSearch = { items: PersonHit[]; more: boolean };
export type ReviewableUser = { id: string; name: string; email: string; organisation: { code: string; name: string } };
