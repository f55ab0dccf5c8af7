import { Injectable } from '@nestjs/common';
import type { Caller, GrantApplicationSummary, GrantReview, StaffRelationship } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { isGrantReader, isReviewer } from '../access/access';
import { toSummary } from '../applications/applications.repository';
import { GrantsDirectory } from '../directory/directory';
import { applicationNotFound, unknownCbo } from './reviews.errors';
import { ReviewsRepository, toRelationship, toReview } from './reviews.repository';

/**
 * Reviews and relationships: the review board of an application (grant readers see every
 * review, a reviewer only their own), a reviewer's assignments (a blind round hides the CBO),
 * and the relationships staff declare with CBOs, which keep them from reviewing them.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly repository: ReviewsRepository,
    private readonly directory: GrantsDirectory,
  ) {}

  async list(caller: Caller, applicationId: string): Promise<GrantReview[]> {
    const application = await this.repository.application(applicationId);
    if (isGrantReader(caller)) {
      if (!application) throw applicationNotFound(applicationId);
      return (await this.repository.reviewsOf(applicationId)).map(toReview);
    }
    const reviewer = requireGroup(caller, 'reviewers');
    const own = application
      ? (await this.repository.reviewsOf(applicationId)).filter(
          (review) => review.reviewerId === reviewer.userId,
        )
      : [];
    if (own.length === 0) throw applicationNotFound(applicationId);
    return own.map(toReview);
  }

  /** The reviewer's assignments, open first; a blind round's hide who the CBO is. */
  async mine(caller: Caller): Promise<Array<{ review: GrantReview; application: GrantApplicationSummary }>> {
    const reviewer = requireGroup(caller, 'reviewers');
    if (!isReviewer(reviewer)) return [];
    const assigned = await this.repository.assignedTo(reviewer.userId);
    const done = await this.repository.scoredCounts(assigned.map(({ application }) => application.id));
    return assigned.map(({ review, application, round }) => ({
      review: toReview(review),
      application: toSummary(
        application,
        {
          // Their own score: the others' stay theirs until the board reads them.
          score: review.total,
          reviewsDone: done.get(application.id) ?? 0,
          reviewsNeeded: round.reviewersPerApplication,
        },
        { blind: round.blindReview },
      ),
    }));
  }

  async relationships(caller: Caller): Promise<StaffRelationship[]> {
    const person = requireGroup(caller, 'relationshipDeclarers');
    return (await this.repository.relationshipsOf(person.userId)).map(toRelationship);
  }

  /** Declares a relationship with a CBO the network knows; declaring it again changes nothing. */
  async declare(
    caller: Caller,
    cboId: string,
    note: string,
  ): Promise<{ relationship: StaffRelationship; created: boolean }> {
    const person = requireGroup(caller, 'relationshipDeclarers');
    const cbo = await this.directory.cbo(cboId);
    if (!cbo) throw unknownCbo(cboId);
    const { row, created } = await this.repository.transaction(async (tx) => {
      const added = await tx.declare({ userId: person.userId, cboId, cboName: cbo.name, note });
      if (!added) return { row: (await tx.relationship(person.userId, cboId))!, created: false };
      await tx.audit({
        action: 'grants.relationship.declare',
        target: { type: 'cbo', id: cboId },
        actor: person.userId,
        eventId: `grants.relationship.declare:${person.userId}:${cboId}:${added.declaredAt.toISOString()}`,
        details: { note },
      });
      return { row: added, created: true };
    });
    return { relationship: toRelationship(row), created };
  }

  async remove(caller: Caller, cboId: string): Promise<boolean> {
    const person = requireGroup(caller, 'relationshipDeclarers');
    return this.repository.transaction(async (tx) => {
      const before = await tx.relationship(person.userId, cboId);
      if (!before) return false;
      await tx.remove(person.userId, cboId);
      await tx.audit({
        action: 'grants.relationship.remove',
        target: { type: 'cbo', id: cboId },
        actor: person.userId,
        eventId: `grants.relationship.remove:${person.userId}:${cboId}:${before.declaredAt.toISOString()}`,
        details: { note: before.note },
      });
      return true;
    });
  }
}
