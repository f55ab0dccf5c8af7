import type { Assessment, AssessmentDraft } from '@bandanh/contracts';
import { fakeRepository } from '@bandanh/platform/testing';
import type { AssessmentsRepository, NewAssessment } from './assessments.repository';

export const ASSESSMENT_ID = '77777777-7777-4777-8777-777777777777';

/** A draft scored on the default rubric: full marks on every criterion. */
export function anAssessmentDraft(overrides: Partial<AssessmentDraft> = {}): AssessmentDraft {
  return {
    membersWomen: 12,
    membersMen: 8,
    ongoingActivities: 'Monthly land rights meetings',
    plannedActivities: 'Community mapping',
    ambitions: 'Secure communal land title',
    leadership: 'Elected committee of five',
    meetingsHeld: 10,
    recordsKept: true,
    registration: 'registered',
    risks: 'Pressure from a concession company',
    scores: { organisation: 5, activities: 5, commitment: 5, reach: 5 },
    ...overrides,
  };
}

function stored(values: NewAssessment): Assessment {
  return { ...values, id: ASSESSMENT_ID, assessedAt: '2025-02-01T08:00:00.000Z' } as Assessment;
}

/** No assessment yet; every CBO exists; `insertOnce` answers what it was given. */
export function fakeAssessmentsRepository(
  overrides: Partial<AssessmentsRepository> = {},
): AssessmentsRepository {
  return fakeRepository<AssessmentsRepository>({
    findByStep: jest.fn(async () => undefined),
    cboExists: jest.fn(async () => true),
    membersCountOf: jest.fn(async () => null),
    insertOnce: jest.fn(async (values: NewAssessment) => stored(values)),
    setMembersCount: jest.fn(async () => {}),
    listFor: jest.fn(async () => []),
    ...overrides,
  });
}
