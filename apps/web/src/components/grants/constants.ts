/**
 * The grant console's plain lists for its client components (no zod in the browser): the
 * grants contracts' own, from `@bandanh/contracts/constants`.
 */
export {
  APPLICATION_STAGES,
  APPROVAL_OUTCOMES,
  APPROVAL_ROLES,
  ELIGIBILITY_OUTCOMES,
  GRANT_CURRENCIES,
} from '@bandanh/contracts/constants';
