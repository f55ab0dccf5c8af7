import { Inject, Injectable } from '@nestjs/common';
import {
  ApplicationDraft,
  budgetTotals,
  type ApplicationStage,
  type Attachment,
  type Caller,
  type GrantApplication,
  type GrantApplicationSummary,
} from '@bandanh/contracts';
import { APPLICATION_STAGES, EDITABLE_APPLICATION_STAGES } from '@bandanh/contracts/constants';
import { requireGroup } from '@bandanh/platform';
import { isGrantReader, isReviewer, requireGrantsReader, requireMember } from '../access/access';
import { GRANTS_CONFIG, type GrantsConfig } from '../config/env';
import type { ApplicationRow, AttachmentRow, RoundRow } from '../db/schema';
import { GrantsDirectory } from '../directory/directory';
import { applicationLink, message, notificationKey } from '../notifications/messages';
import { generateReference } from '../rules/reference';
import { cboFailures, roundState } from '../rules/rounds';
import { submissionIssues, phnomPenhToday } from '../rules/submission';
import {
  applicationNotFound,
  attachmentNotFound,
  attachmentsTooLarge,
  draftNewer,
  incomplete,
  notEditable,
  notEligible,
  roundNotFound,
  roundNotOpen,
} from './applications.errors';
import {
  ApplicationsRepository,
  toApplication,
  toAttachment,
  toSummary,
  type ApplicationListFilter,
  type NewAttachment,
} from './applications.repository';

/** Saves of one member's draft within this long share one audit entry (the first). */
const SAVE_AUDIT_WINDOW_MS = 15 * 60_000;

type ApplicationsConfig = Pick<GrantsConfig, 'GRANT_APPLICATION_FILES_MAX_BYTES' | 'WEB_URL'>;

const EMPTY_DRAFT: ApplicationDraft = ApplicationDraft.parse({});

export function isEditable(stage: ApplicationStage): boolean {
  return (EDITABLE_APPLICATION_STAGES as readonly string[]).includes(stage);
}

const stateOf = (round: RoundRow, at: Date) =>
  roundState({ opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() }, at);

/** Whether two drafts say the same (the JSON of what the contract parsed). */
const sameDraft = (row: ApplicationRow, draft: ApplicationDraft) =>
  JSON.stringify({ plan: row.plan, budget: row.budget }) ===
  JSON.stringify({ plan: draft.plan, budget: draft.budget });

/** How the inbox's tasks name an application: its reference and title. */
export function applicationLabel(row: Pick<ApplicationRow, 'reference' | 'plan'>): string {
  return `${row.reference ?? ''} — ${row.plan.title || 'untitled'}`.slice(0, 300);
}

/**
 * Applications: a CBO's members start, save and submit their CBO's; grant staff list and read
 * a round's; an assigned reviewer reads one after declaring no conflict (a blind round hides the
 * CBO). Who may see a record is checked here; anyone else gets NOT_FOUND.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly repository: ApplicationsRepository,
    private readonly directory: GrantsDirectory,
    @Inject(GRANTS_CONFIG) private readonly config: ApplicationsConfig,
  ) {}

  private async view(row: ApplicationRow, options: { blind?: boolean } = {}): Promise<GrantApplication> {
    const files = (await this.repository.attachmentsOf([row.id])).get(row.id) ?? [];
    return toApplication(row, files, options);
  }

  /** The application as the caller may see it, or NOT_FOUND. */
  private async readable(caller: Caller, id: string): Promise<{ row: ApplicationRow; blind: boolean }> {
    const person = requireGrantsReader(caller);
    const row = await this.repository.find(id);
    if (!row) throw applicationNotFound(id);
    if (person.kind === 'applicant') {
      if (person.cboId !== row.cboId) throw applicationNotFound(id);
      return { row, blind: false };
    }
    if (isGrantReader(person)) return { row, blind: false };
    if (isReviewer(person)) {
      const status = await this.repository.reviewStatus(id, person.userId);
      if (status === 'cleared' || status === 'scored') {
        const round = await this.repository.round(row.roundId);
        return { row, blind: round?.blindReview ?? true };
      }
    }
    throw applicationNotFound(id);
  }

  /** The member's own CBO's application, locked, or NOT_FOUND. */
  private async own(
    tx: ApplicationsRepository,
    member: { cboId: string },
    id: string,
  ): Promise<ApplicationRow> {
    const row = await tx.lockApplication(id);
    if (!row || row.cboId !== member.cboId) throw applicationNotFound(id);
    return row;
  }

  /**
   * Starts the member's CBO's application to an open round it may apply to; asking again
   * answers the same draft.
   */
  async start(
    caller: Caller,
    roundId: string,
    now = new Date(),
  ): Promise<{ application: GrantApplication; created: boolean }> {
    const member = requireMember(caller);
    const round = await this.repository.round(roundId);
    if (!round) throw roundNotFound(roundId);
    const existing = await this.repository.ofCbo(roundId, member.cboId);
    if (existing) return { application: await this.view(existing), created: false };
    const state = stateOf(round, now);
    if (state !== 'open') throw roundNotOpen(state);
    const cbo = await this.directory.cbo(member.cboId);
    const failed = cbo ? cboFailures(cbo, round) : ['cbo_not_grant_eligible'];
    if (!cbo || failed.length > 0) throw notEligible(failed);
    const created = await this.repository.transaction(async (tx) => {
      const row = await tx.insertDraft({
        roundId,
        cboId: cbo.id,
        cboName: cbo.name,
        cboNameKm: cbo.nameKm,
        currency: round.currency,
        draft: EMPTY_DRAFT,
        createdBy: member.userId,
      });
      if (!row) return undefined;
      await tx.audit({
        action: 'grants.application.start',
        target: { type: 'grant_application', id: row.id },
        actor: member.userId,
        eventId: `grants.application.start:${row.id}`,
        details: { roundId, cboId: cbo.id },
      });
      return row;
    });
    if (created) return { application: await this.view(created), created: true };
    // Another member of the CBO started it at the same moment.
    const raced = await this.repository.ofCbo(roundId, member.cboId);
    if (!raced) throw applicationNotFound(roundId);
    return { application: await this.view(raced), created: false };
  }

  /**
   * Saves the draft whole from `baseVersion`. The same content again changes nothing; a newer
   * copy on the server is `draft_newer` with the server's copy; a submitted one `not_editable`.
   */
  async save(
    caller: Caller,
    id: string,
    baseVersion: number,
    draft: ApplicationDraft,
  ): Promise<{ application: GrantApplication; saved: boolean }> {
    const member = requireMember(caller);
    const outcome = await this.repository.transaction(async (tx) => {
      const row = await this.own(tx, member, id);
      if (!isEditable(row.stage)) throw notEditable(row.stage);
      if (sameDraft(row, draft)) return { row, saved: false };
      if (baseVersion !== row.version) return { row, saved: false, newer: true };
      const saved = await tx.saveDraft(id, draft);
      // Autosave sends a save every few seconds of typing: the log keeps the first of each
      // member's quarter hour on the draft (identity records an event id once), and the
      // submission records the version that counts.
      const window = Math.floor(Date.now() / SAVE_AUDIT_WINDOW_MS);
      await tx.audit({
        action: 'grants.application.save',
        target: { type: 'grant_application', id },
        actor: member.userId,
        eventId: `grants.application.save:${id}:${member.userId}:${window}`,
        details: {
          version: saved.version,
          requested: budgetTotals(draft.budget).requested,
          windowMinutes: SAVE_AUDIT_WINDOW_MS / 60_000,
        },
      });
      return { row: saved, saved: true };
    });
    const application = await this.view(outcome.row);
    if ('newer' in outcome) throw draftNewer(application);
    return { application, saved: outcome.saved };
  }

  /**
   * Submits the application: every rule checked, then in one transaction it is locked with its
   * reference, the audit entry, the receipt to the submitter and the start (or, after a return,
   * the resumption) of its workflow. The same key again, or an application already submitted,
   * answers the same submission.
   */
  async submit(
    caller: Caller,
    id: string,
    idempotencyKey: string,
    baseVersion: number,
    now = new Date(),
  ): Promise<{ application: GrantApplication; submitted: boolean }> {
    const member = requireMember(caller);
    const before = await this.repository.find(id);
    if (!before || before.cboId !== member.cboId) throw applicationNotFound(id);
    // Whom the receipt goes to, asked before the transaction.
    const submitter = (await this.directory.members(member.cboId)).find((m) => m.userId === member.userId);
    const { result, replayed } = await this.repository.once(
      {
        name: 'grants.application.submit',
        key: idempotencyKey,
        request: { id, baseVersion, by: member.userId },
      },
      async (tx) => {
        const row = await this.own(tx, member, id);
        if (!isEditable(row.stage)) return { id, submitted: false };
        if (baseVersion !== row.version) {
          throw draftNewer(toApplication(row, (await tx.attachmentsOf([id])).get(id) ?? []));
        }
        const round = await tx.round(row.roundId);
        if (!round) throw roundNotFound(row.roundId);
        const state = stateOf(round, now);
        if (state !== 'open') throw roundNotOpen(state);
        const issues = submissionIssues(row, round, phnomPenhToday(now.getTime()));
        if (issues.length > 0) throw incomplete(issues);
        let reference = row.reference;
        while (!reference) {
          const candidate = generateReference();
          if (!(await tx.referenceTaken(candidate))) reference = candidate;
        }
        const submitted = await tx.markSubmitted(id, reference, member.userId);
        const cycle = submitted.submissions;
        const totals = budgetTotals(submitted.budget);
        await tx.audit({
          action: 'grants.application.submit',
          target: { type: 'grant_application', id },
          actor: member.userId,
          eventId: `grants.application.submit:${id}:${cycle}`,
          details: { reference, cycle, version: submitted.version, requested: totals.requested },
        });
        if (submitter) {
          await tx.notify(
            message(
              'grant_submitted',
              notificationKey('grant-submitted', id, String(cycle), submitter.userId),
              submitter,
              {
                cboNameKm: submitted.cboNameKm ?? submitted.cboName,
                cboNameEn: submitted.cboName,
                reference,
                title: submitted.plan.title,
                roundNameKm: round.nameKm,
                roundNameEn: round.nameEn,
                amount: totals.requested,
                currency: submitted.currency,
                link: applicationLink(this.config.WEB_URL, submitter.locale, id),
              },
              submitted.cboId,
            ),
          );
        }
        if (cycle === 1) {
          await tx.startRun({
            applicationId: id,
            cboId: submitted.cboId,
            roundId: submitted.roundId,
            label: applicationLabel(submitted),
          });
        } else {
          await tx.signalResubmitted({ applicationId: id, cycle });
        }
        return { id, submitted: true };
      },
    );
    const row = await this.repository.find(id);
    if (!row) throw applicationNotFound(id);
    return { application: await this.view(row), submitted: result.submitted && !replayed };
  }

  async get(caller: Caller, id: string): Promise<GrantApplication> {
    const { row, blind } = await this.readable(caller, id);
    return this.view(row, { blind });
  }

  /** The member's CBO's applications, newest first. */
  async mine(caller: Caller): Promise<GrantApplication[]> {
    const member = requireMember(caller);
    const rows = await this.repository.ofCboAll(member.cboId);
    const files = await this.repository.attachmentsOf(rows.map((row) => row.id));
    return rows.map((row) => toApplication(row, files.get(row.id) ?? []));
  }

  /** A round's applications for grant readers, with the counts per stage and the reviews' progress. */
  async list(
    caller: Caller,
    filter: ApplicationListFilter,
  ): Promise<{ items: GrantApplicationSummary[]; total: number; counts: Record<ApplicationStage, number> }> {
    requireGroup(caller, 'grantReaders');
    const round = await this.repository.round(filter.roundId);
    if (!round) throw roundNotFound(filter.roundId);
    const { items, total, counts } = await this.repository.list(filter);
    return {
      items: items.map(({ row, score, reviewsDone }) =>
        toSummary(row, { score, reviewsDone, reviewsNeeded: round.reviewersPerApplication }),
      ),
      total,
      counts: Object.fromEntries(APPLICATION_STAGES.map((stage) => [stage, counts[stage] ?? 0])) as Record<
        ApplicationStage,
        number
      >,
    };
  }

  /**
   * Attaches an uploaded file to the member's draft, within the application's size limit; the
   * same upload again answers the same attachment.
   */
  async attach(
    caller: Caller,
    id: string,
    file: Omit<NewAttachment, 'uploadedBy'>,
  ): Promise<{ application: GrantApplication; attachment: Attachment }> {
    const member = requireMember(caller);
    const limit = this.config.GRANT_APPLICATION_FILES_MAX_BYTES;
    const { row, attachment } = await this.repository.transaction(async (tx) => {
      const application = await this.own(tx, member, id);
      const same = await tx.attachmentByUpload(id, file.uploadId);
      if (same) return { row: application, attachment: same };
      if (!isEditable(application.stage)) throw notEditable(application.stage);
      const used = (await tx.attachmentsOf([id])).get(id)!.reduce((sum, f) => sum + f.size, 0);
      if (used + file.size > limit) throw attachmentsTooLarge(limit, used);
      const added = await tx.attach(id, { ...file, uploadedBy: member.userId });
      const touched = await tx.touch(id);
      await tx.audit({
        action: 'grants.application.attach',
        target: { type: 'grant_application', id },
        actor: member.userId,
        eventId: `grants.application.attach:${added.id}`,
        details: {
          attachmentId: added.id,
          kind: added.kind,
          contentType: added.contentType,
          size: added.size,
        },
      });
      return { row: touched, attachment: added };
    });
    return { application: await this.view(row), attachment: toAttachment(attachment) };
  }

  /** Removes an attachment from the member's draft; the gateway deletes the upload it answers. */
  async detach(
    caller: Caller,
    id: string,
    attachmentId: string,
  ): Promise<{ application: GrantApplication; uploadId: string }> {
    const member = requireMember(caller);
    const { row, uploadId } = await this.repository.transaction(async (tx) => {
      const application = await this.own(tx, member, id);
      if (!isEditable(application.stage)) throw notEditable(application.stage);
      const file: AttachmentRow | undefined = await tx.attachment(id, attachmentId);
      if (!file) throw attachmentNotFound(attachmentId);
      await tx.detach(id, attachmentId);
      const touched = await tx.touch(id);
      await tx.audit({
        action: 'grants.application.detach',
        target: { type: 'grant_application', id },
        actor: member.userId,
        eventId: `grants.application.detach:${attachmentId}`,
        details: { attachmentId, kind: file.kind, size: file.size },
      });
      return { row: touched, uploadId: file.uploadId };
    });
    return { application: await this.view(row), uploadId };
  }

  /** Where an attachment's bytes are, for someone who may read the application. */
  async attachment(
    caller: Caller,
    id: string,
    attachmentId: string,
  ): Promise<{ attachment: Attachment; uploadId: string }> {
    await this.readable(caller, id);
    const file = await this.repository.attachment(id, attachmentId);
    if (!file) throw attachmentNotFound(attachmentId);
    return { attachment: toAttachment(file), uploadId: file.uploadId };
  }
}
