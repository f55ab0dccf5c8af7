'use server';

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GrantRoundDraft } from '@bandanh/contracts';
import { text, type FormState } from '@/components/programme-settings/form-state';
import {
  applyIntent,
  intentOf,
  roundDraftOf,
  roundErrors,
  roundFromForm,
  type RoundValues,
} from '@/components/grants/round-draft';
import { redirect } from '@/i18n/navigation';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING, type Wording } from '@/lib/refusal';

export type RoundFormState = FormState<RoundValues> & {
  /** The round being changed; none for a new one. */
  roundId?: string;
  /** What its approved grants already took, when the budget was refused for it. */
  committed?: number;
};

const ROUND_WORDING = {
  ...FORM_WORDING,
  NOT_FOUND: 'notFound',
  round_in_use: 'roundInUse',
  budget_below_committed: 'budgetBelowCommitted',
} satisfies Wording<string>;

/**
 * Opens a round or saves one's changes. A row button (add a criterion or a step, remove one)
 * only gives the form back with the rows changed, so it works without JavaScript; "save" sends
 * the round, read by the contract first, once per form (the key made when it was rendered).
 */
export async function saveRound(previous: RoundFormState, formData: FormData): Promise<RoundFormState> {
  const key = text(formData, 'idempotencyKey') || previous.key || randomUUID();
  const roundId = z.uuid().safeParse(text(formData, 'roundId')).success
    ? text(formData, 'roundId')
    : undefined;
  const values = roundFromForm(formData);
  const intent = intentOf(text(formData, 'intent'));
  if (intent.kind !== 'save') return { key, roundId, values: applyIntent(values, intent), errors: {} };

  const path = roundId ? `/grants/rounds/${roundId}/edit` : '/grants/rounds/new';
  const wording: Wording<string> = { ...ROUND_WORDING, fields: (issues) => roundErrors(issues, values) };
  return submit(formData, {
    path,
    input: GrantRoundDraft.safeParse(roundDraftOf(values)),
    send: (draft) =>
      roundId
        ? api(ROUTES.updateGrantRound, { params: { id: roundId }, body: draft })
        : api(ROUTES.createGrantRound, { idempotencyKey: key, body: draft }),
    wording,
    refused: (refusal, error) => {
      const committed =
        error instanceof GatewayError && typeof error.body.details?.committed === 'number'
          ? error.body.details.committed
          : undefined;
      return {
        key,
        roundId,
        values,
        ...asFormState(refusal),
        ...(committed === undefined ? {} : { committed }),
      };
    },
    done: ({ round }, locale) =>
      redirect({
        href: { pathname: `/grants/rounds/${round.id}`, query: { saved: roundId ? 'changed' : 'opened' } },
        locale,
      }),
  });
}
