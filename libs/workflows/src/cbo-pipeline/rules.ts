import type { breaksFourEyes } from '@bandanh/contracts';

/**
 * The contracts' four-eyes rule, `breaksFourEyes`, as the workflow applies it. Importing the
 * contracts' function would load every contract, and zod, into each workflow run (some 40 ms of
 * CPU per run on this kind of machine); `satisfies` keeps the signature the contracts', and
 * `rules.spec.ts` checks that both answer alike.
 */
export const breaksFourEyesInWorkflow = ((approverId, involved) =>
  [involved.assessedBy, involved.requestedBy, involved.recommendedBy].some(
    (id) => id === approverId,
  )) satisfies typeof breaksFourEyes;
