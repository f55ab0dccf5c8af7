import { DomainError } from '@bandanh/platform';

/** The template of `kind` cannot be filled from the values given: a caller's mistake, final. */
export function badTemplateParams(kind: string, why: string): DomainError {
  return DomainError.invalid(
    [{ path: 'params', code: 'template', message: why }],
    `The ${kind} message cannot be written from these values`,
  );
}

/**
 * A CBO member asks for another CBO's messages, or has no CBO yet: "not found", as every
 * service answers a member about a CBO that is not theirs, with no hint that it exists.
 */
export function notYourCbo(cboId: string): DomainError {
  return DomainError.notFound('CBO', cboId);
}
