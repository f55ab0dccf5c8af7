'use server';

import { z } from 'zod';
import { TrainerDraft, type Trainer } from '@bandanh/contracts';
import { errorsFrom, text } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { api, GatewayError, ROUTES } from '@/lib/api';
import { afterFailure } from '@/lib/auth';
import { submit } from '@/lib/form-action';
import { localeOf } from '@/lib/locale';
import { asFormState, FORM_WORDING, refused } from '@/lib/refusal';

const PATH = '/training/trainers';

export interface TrainerValues {
  moduleIds: string[];
  provinceCodes: string[];
  active: boolean;
}

export interface TrainerFormState {
  values: TrainerValues;
  errors: Record<string, string>;
  formError?: string;
}

const strings = (formData: FormData, name: string) =>
  formData
    .getAll(name)
    .filter((value): value is string => typeof value === 'string')
    .slice(0, 100);

/**
 * Keeps a trainer's profile (an admin or coordinator): the modules they may teach, the provinces
 * they travel to, and whether they are active. Their weekly windows and exceptions are theirs,
 * kept as they are at the moment of saving; an account without a profile gets one.
 */
export async function saveTrainer(
  _previous: TrainerFormState,
  formData: FormData,
): Promise<TrainerFormState> {
  const values: TrainerValues = {
    moduleIds: strings(formData, 'moduleIds'),
    provinceCodes: strings(formData, 'provinceCodes'),
    active: formData.get('active') === 'on',
  };
  const userId = z.uuid().safeParse(text(formData, 'userId'));
  if (!userId.success) return { values, errors: {}, formError: 'unexpected' };
  const path = `${PATH}/${userId.data}`;
  let current: Trainer | undefined;
  try {
    ({ trainer: current } = await api(ROUTES.getTrainer, { params: { id: userId.data } }));
  } catch (error) {
    if (!(error instanceof GatewayError && error.status === 404)) {
      afterFailure(error, localeOf(formData.get('locale')), path);
      return { values, ...asFormState(refused(error, FORM_WORDING)) };
    }
  }
  return submit(formData, {
    path,
    input: TrainerDraft.safeParse({
      ...values,
      windows: current?.windows ?? [],
      exceptions: current?.exceptions ?? [],
    }),
    send: (trainer) => api(ROUTES.saveTrainer, { params: { id: userId.data }, body: trainer }),
    wording: {
      ...FORM_WORDING,
      fields: (issues) =>
        errorsFrom(issues, ([field], code) =>
          field === 'moduleIds' || field === 'provinceCodes'
            ? [field, code === 'unknown_module' ? 'unknownModule' : field]
            : field === 'windows' || field === 'exceptions'
              ? ['availability', 'availability']
              : undefined,
        ),
    },
    refused: (refusal) => ({ values, ...asFormState(refusal) }),
    done: (_answer, locale) => redirect({ href: { pathname: PATH, query: { saved: userId.data } }, locale }),
  });
}
