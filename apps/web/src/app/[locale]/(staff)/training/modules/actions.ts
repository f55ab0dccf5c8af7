'use server';

import { ModuleId, TrainingModuleDraft } from '@bandanh/contracts';
import { errorsFrom, text, textKey } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING } from '@/lib/refusal';

const PATH = '/training/modules';

export interface ModuleValues {
  titleKm: string;
  titleEn: string;
  descriptionKm: string;
  descriptionEn: string;
  durationMinutes: string;
  requiredForGrants: boolean;
  active: boolean;
}

export interface ModuleFormState {
  values: ModuleValues;
  errors: Record<string, string>;
  formError?: string;
}

const TEXTS = ['titleKm', 'titleEn', 'descriptionKm', 'descriptionEn'] as const;

/** Changes a module of the catalogue (an admin): its titles, descriptions, length, and whether required or offered. */
export async function saveModule(_previous: ModuleFormState, formData: FormData): Promise<ModuleFormState> {
  const values: ModuleValues = {
    titleKm: text(formData, 'titleKm').slice(0, 4100),
    titleEn: text(formData, 'titleEn').slice(0, 4100),
    descriptionKm: text(formData, 'descriptionKm').slice(0, 4100),
    descriptionEn: text(formData, 'descriptionEn').slice(0, 4100),
    durationMinutes: text(formData, 'durationMinutes').trim(),
    requiredForGrants: formData.get('requiredForGrants') === 'on',
    active: formData.get('active') === 'on',
  };
  const id = ModuleId.safeParse(text(formData, 'moduleId'));
  if (!id.success) return { values, errors: {}, formError: 'unexpected' };
  return submit(formData, {
    path: PATH,
    input: TrainingModuleDraft.safeParse({
      ...values,
      durationMinutes: values.durationMinutes === '' ? undefined : Number(values.durationMinutes),
    }),
    send: (module) => api(ROUTES.updateTrainingModule, { params: { id: id.data }, body: module }),
    wording: {
      ...FORM_WORDING,
      NOT_FOUND: 'notFound',
      fields: (issues) =>
        errorsFrom(issues, ([field], code) =>
          (TEXTS as readonly string[]).includes(field)
            ? [field, textKey(field, code)]
            : field === 'durationMinutes'
              ? [field, field]
              : undefined,
        ),
    },
    refused: (refusal) => ({ values, ...asFormState(refusal) }),
    done: (_answer, locale) => redirect({ href: { pathname: PATH, query: { saved: id.data } }, locale }),
  });
}
