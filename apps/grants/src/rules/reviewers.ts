/** A reviewer the selection may pick, with their load. */
export interface ReviewerCandidate {
  userId: string;
  /** Assignments still open (assigned or cleared, not yet scored). */
  open: number;
  /** Every assignment they ever had. */
  total: number;
}

/**
 * Picks up to `count` reviewers among `candidates`, never one in `excluded` (a conflict with the
 * CBO, or already on this application): fewest open assignments first, then fewest in all, then
 * by id so that the choice is the same every time.
 */
export function chooseReviewers(
  candidates: readonly ReviewerCandidate[],
  excluded: ReadonlySet<string>,
  count: number,
): string[] {
  return candidates
    .filter((candidate) => !excluded.has(candidate.userId))
    .sort(
      (a, b) =>
        a.open - b.open || a.total - b.total || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    )
    .slice(0, Math.max(0, count))
    .map((candidate) => candidate.userId);
}
