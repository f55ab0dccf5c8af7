import type {
  NotificationRequest,
  RequestOf,
  signalGrantResubmitted,
  startGrantApplicationRun,
} from '@bandanh/contracts';
import type { ApplicationDraft } from '@bandanh/contracts';
import { budgetTotals } from '@bandanh/contracts';
import type { ApplicationRow, AttachmentRow, RoundRow } from '../db/schema';
import { fakeRepository } from '@bandanh/platform/testing';
import { aRoundRow } from '../testing/fixtures';
import type { ApplicationsRepository, NewAttachment } from './applications.repository';

export interface ApplicationsStore {
  rounds: RoundRow[];
  applications: ApplicationRow[];
  attachments: AttachmentRow[];
  reviewStatuses: Record<string, string>;
  notified: NotificationRequest[];
  started: Array<RequestOf<typeof startGrantApplicationRun>>;
  signalled: Array<RequestOf<typeof signalGrantResubmitted>>;
}

/** The applications in memory, written as the service writes them. */
export function fakeApplicationsRepository(
  seed: Partial<ApplicationsStore> = {},
): ApplicationsRepository & { store: ApplicationsStore } {
  const store: ApplicationsStore = {
    rounds: [aRoundRow()],
    applications: [],
    attachments: [],
    reviewStatuses: {},
    notified: [],
    started: [],
    signalled: [],
    ...seed,
  };
  const find = async (id: string) => store.applications.find((a) => a.id === id);
  const replace = (row: ApplicationRow) => {
    store.applications = store.applications.map((a) => (a.id === row.id ? row : a));
    return row;
  };
  let ids = 0;
  const repository = fakeRepository<ApplicationsRepository>({
    round: jest.fn(async (id: string) => store.rounds.find((r) => r.id === id)),
    find: jest.fn(find),
    lockApplication: jest.fn(find),
    ofCbo: jest.fn(async (roundId: string, cboId: string) =>
      store.applications.find((a) => a.roundId === roundId && a.cboId === cboId),
    ),
    insertDraft: jest.fn(async (input) => {
      if (store.applications.some((a) => a.roundId === input.roundId && a.cboId === input.cboId))
        return undefined;
      const now = new Date();
      const row: ApplicationRow = {
        id: `b0000000-0000-4000-8000-00000000010${ids++}`,
        roundId: input.roundId,
        cboId: input.cboId,
        cboName: input.cboName,
        cboNameKm: input.cboNameKm,
        stage: 'draft',
        reference: null,
        currency: input.currency,
        plan: input.draft.plan,
        budget: input.draft.budget,
        requested: 0,
        version: 1,
        decision: null,
        eligibility: null,
        submissions: 0,
        submittedAt: null,
        submittedBy: null,
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      };
      store.applications.push(row);
      return row;
    }),
    saveDraft: jest.fn(async (id: string, draft: ApplicationDraft) => {
      const row = (await find(id))!;
      return replace({
        ...row,
        plan: draft.plan,
        budget: draft.budget,
        requested: budgetTotals(draft.budget).requested,
        version: row.version + 1,
        updatedAt: new Date(),
      });
    }),
    referenceTaken: jest.fn(async (reference: string) =>
      store.applications.some((a) => a.reference === reference),
    ),
    markSubmitted: jest.fn(async (id: string, reference: string, submittedBy: string) => {
      const row = (await find(id))!;
      return replace({
        ...row,
        stage: 'submitted',
        reference,
        submittedBy,
        submittedAt: new Date(),
        submissions: row.submissions + 1,
        decision: null,
        eligibility: null,
      });
    }),
    touch: jest.fn(async (id: string) => (await find(id))!),
    attachmentsOf: jest.fn(async (appIds: readonly string[]) => {
      return new Map(appIds.map((id) => [id, store.attachments.filter((f) => f.applicationId === id)]));
    }),
    attachment: jest.fn(async (appId: string, id: string) =>
      store.attachments.find((f) => f.applicationId === appId && f.id === id),
    ),
    attachmentByUpload: jest.fn(async (appId: string, uploadId: string) =>
      store.attachments.find((f) => f.applicationId === appId && f.uploadId === uploadId),
    ),
    attach: jest.fn(async (applicationId: string, file: NewAttachment) => {
      const row: AttachmentRow = {
        id: `d0000000-0000-4000-8000-00000000020${ids++}`,
        applicationId,
        ...file,
        uploadedAt: new Date(),
      };
      store.attachments.push(row);
      return row;
    }),
    detach: jest.fn(async (_appId: string, id: string) => {
      store.attachments = store.attachments.filter((f) => f.id !== id);
    }),
    ofCboAll: jest.fn(async (cboId: string) => store.applications.filter((a) => a.cboId === cboId)),
    reviewStatus: jest.fn(
      async (appId: string, reviewerId: string) => store.reviewStatuses[`${appId}:${reviewerId}`],
    ),
    notify: jest.fn(async (request: NotificationRequest) => {
      store.notified.push(request);
    }),
    startRun: jest.fn(async (input) => {
      store.started.push(input);
    }),
    signalResubmitted: jest.fn(async (input) => {
      store.signalled.push(input);
    }),
  });
  return Object.assign(repository, { store });
}
