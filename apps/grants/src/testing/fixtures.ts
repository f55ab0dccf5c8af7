import { ActivityPlan } from '@bandanh/contracts';
import { APPLICANT_ID } from '@bandanh/platform/testing';
import type { ApplicationRow, AttachmentRow, ReviewRow, RoundRow } from '../db/schema';
import { CBO_ID } from '../directory/directory.fakes';

export const ROUND_ID = 'a0000000-0000-4000-8000-000000000001';
export const APPLICATION_ID = 'b0000000-0000-4000-8000-000000000001';

const AT = new Date('2026-12-01T00:00:00.000Z');

/** A round open through December 2026, $500 to $3,000 per grant from a $10,000 envelope. */
export function aRoundRow(overrides: Partial<RoundRow> = {}): RoundRow {
  return {
    id: ROUND_ID,
    nameKm: 'ជុំទី១',
    nameEn: 'Round 1',
    currency: 'USD',
    budget: 1_000_000,
    committed: 0,
    minAmount: 50_000,
    maxAmount: 300_000,
    opensAt: new Date('2026-11-01T00:00:00.000Z'),
    closesAt: new Date('2099-01-01T00:00:00.000Z'),
    eligibility: { provinceCodes: [], focusIssues: [] },
    rubric: [
      { key: 'relevance', labelKm: 'ភាពពាក់ព័ន្ធ', labelEn: 'Relevance', weight: 2, maxScore: 5 },
      { key: 'budget', labelKm: 'ថវិកា', labelEn: 'Budget', weight: 1, maxScore: 5 },
    ],
    reviewersPerApplication: 2,
    blindReview: false,
    approvalChain: [
      { role: 'programme_manager', aboveAmount: 0 },
      { role: 'grant_committee', aboveAmount: 100_000 },
    ],
    createdBy: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

/** A plan with every field a submission needs. */
export const COMPLETE_PLAN = ActivityPlan.parse({
  title: 'Land rights forum',
  objectives: 'Know the land law',
  description: 'Two days of meetings',
  provinceCode: 'KH-2',
  place: 'Pagoda hall',
  startsOn: '2098-01-10',
  endsOn: '2098-01-11',
  beneficiariesWomen: 30,
  beneficiariesMen: 20,
  expectedResults: 'Claims filed',
});

export const A_LINE = {
  id: '0c5bd3c2-1111-4111-8111-111111111111',
  category: 'venue' as const,
  description: 'Hall',
  unitCost: 100_000,
  quantity: 1,
  contribution: 0,
};

/** The CBO's draft, version 1, empty unless told. */
export function anApplicationRow(overrides: Partial<ApplicationRow> = {}): ApplicationRow {
  return {
    id: APPLICATION_ID,
    roundId: ROUND_ID,
    cboId: CBO_ID,
    cboName: 'Riverside Fishers',
    cboNameKm: 'អ្នកនេសាទមាត់ទន្លេ',
    stage: 'draft',
    reference: null,
    currency: 'USD',
    plan: ActivityPlan.parse({}),
    budget: [],
    requested: 0,
    version: 1,
    decision: null,
    eligibility: null,
    submissions: 0,
    submittedAt: null,
    submittedBy: null,
    createdBy: APPLICANT_ID,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function aReviewRow(reviewerId: string, overrides: Partial<ReviewRow> = {}): ReviewRow {
  return {
    applicationId: APPLICATION_ID,
    reviewerId,
    reviewerName: null,
    status: 'assigned',
    conflictNote: null,
    scores: [],
    comment: '',
    total: null,
    assignedAt: AT,
    declaredAt: null,
    scoredAt: null,
    ...overrides,
  };
}

export function anAttachmentRow(overrides: Partial<AttachmentRow> = {}): AttachmentRow {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    applicationId: APPLICATION_ID,
    uploadId: 'upload-1',
    kind: 'quote',
    fileName: 'quote.pdf',
    contentType: 'application/pdf',
    size: 1000,
    uploadedBy: APPLICANT_ID,
    uploadedAt: AT,
    ...overrides,
  };
}
