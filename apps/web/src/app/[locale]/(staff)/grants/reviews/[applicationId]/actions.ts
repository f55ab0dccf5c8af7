'use server';

import { z } from 'zod';
import { text } from '@/components/programme-settings/form-state';
import { stepFacts, STEP_WORDING, type StepFormState } from '@/components/grants/step-refusals';
import { latinDigits } from '@/components/grants/money';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState } from '@/lib/refusal';

const pathOf = (applicationId: string) => `/grants/reviews/${applicationId}`;

function applicationIdOf(formData: FormData): string | undefined {
  const id = text(formData, 'applicationId');
  return z.uuid().safeParse(id).success ? id : undefined;
}

/**
 * A reviewer's declaration before seeing the application: no conflict (the application opens),
 * or a conflict, said in a few words (the review goes to someone else).
 */
export async function declareConflict(_previous: StepFormState, formData: FormData): Promise<StepFormState> {
  const values = { conflict: text(formData, 'conflict'), note: text(formData, 'note').slice(0, 1100) };
  const applicationId = applicationIdOf(formData);
  if (!applicationId) return { values, errors: {}, formError: 'unexpected' };
  const errors: Record<string, string> = {};
  if (values.conflict !== 'none' && values.conflict !== 'conflict') errors.conflict = 'conflictChoice';
  else if (values.conflict === 'conflict' && !values.note.trim()) errors.note = 'conflictNote';
  if (Object.keys(errors).length) return { values, errors, formError: 'summary' };
  const conflict = values.conflict === 'conflict';
  return submit(formData, {
    path: pathOf(applicationId),
    send: () =>
      api(ROUTES.declareGrantReviewConflict, {
        params: { id: applicationId },
        body: { conflict, note: conflict ? values.note : '' },
      }),
    wording: {
      ...STEP_WORDING,
      fields: (issues) =>
        issues.some((issue) => issue.path.includes('note')) ? { note: 'conflictNote' } : {},
    },
    refused: (refusal, error) => ({ values, ...asFormState(refusal), facts: stepFacts(error) }),
    done: (_run, locale) =>
      conflict
        ? redirect({ href: { pathname: '/grants/reviews', query: { declared: 'conflict' } }, locale })
        : redirect({ href: { pathname: pathOf(applicationId), query: { declared: 'none' } }, locale }),
  });
}

/**
 * A reviewer's scores: one per criterion of the round's rubric (0 to its top score, the radio
 * buttons `score.<key>`), each with a comment, and an overall comment.
 */
export async function scoreApplication(_previous: StepFormState, formData: FormData): Promise<StepFormState> {
  const applicationId = applicationIdOf(formData);
  const criteria = formData
    .getAll('criterion')
    .map(String)
    .filter((key) => /^[a-z][a-z0-9_]{0,39}$/.test(key))
    .slice(0, 12);
  const values: Record<string, string> = { comment: text(formData, 'comment').slice(0, 4100) };
  const errors: Record<string, string> = {};
  const scores: Array<{ key: string; score: number; comment: string }> = [];
  for (const key of criteria) {
    const score = latinDigits(text(formData, `score.${key}`).trim());
    const max = Number(text(formData, `max.${key}`));
    const comment = text(formData, `comment.${key}`).slice(0, 2100);
    values[`score.${key}`] = score;
    values[`comment.${key}`] = comment;
    const n = Number(score);
    if (!/^\d{1,2}$/.test(score) || (Number.isInteger(max) && max > 0 && n > max))
      errors[`score.${key}`] = 'score';
    else scores.push({ key, score: n, comment });
  }
  if (!applicationId || criteria.length === 0) return { values, errors: {}, formError: 'unexpected' };
  if (Object.keys(errors).length) return { values, errors, formError: 'scoresMissing' };
  return submit(formData, {
    path: pathOf(applicationId),
    send: () =>
      api(ROUTES.scoreGrantApplication, {
        params: { id: applicationId },
        body: { scores, comment: values.comment },
      }),
    wording: {
      ...STEP_WORDING,
      fields: (issues) => {
        const found: Record<string, string> = {};
        for (const issue of issues) {
          const [field, index, part] = issue.path.split('.');
          if (field === 'comment' && index === undefined) found.comment = 'tooLong';
          if (field !== 'scores' || index === undefined) continue;
          const key = scores[Number(index)]?.key;
          if (key)
            found[part === 'comment' ? `comment.${key}` : `score.${key}`] =
              part === 'comment' ? 'tooLong' : 'score';
        }
        return found;
      },
    },
    refused: (refusal, error) => ({ values, ...asFormState(refusal), facts: stepFacts(error) }),
    done: (_run, locale) =>
      redirect({ href: { pathname: '/grants/reviews', query: { scored: applicationId } }, locale }),
  });
}
