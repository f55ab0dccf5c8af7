'use server';

import { randomUUID } from 'node:crypto';
import { ModuleId, NewTrainingModule, TrainingModuleDraft } from '@bandanh/contracts';
import { errorsFrom, text, textKey } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING, reasonOf } from '@/lib/refusal';

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

export interface NewModuleValues extends ModuleValues {
  id: string;
}

export interface NewModuleFormState {
  key: string;
  values: NewModuleValues;
  errors: Record<string, string>;
  formError?: string;
}

/**
 * Adds a module to the catalogue (an admin), once per form (the key made when it was rendered):
 * its id, a slug never changed, and its facts; an id the catalogue holds is refused beside it.
 */
export async function createModule(
  previous: NewModuleFormState,
  formData: FormData,
): Promise<NewModuleFormState> {
  const key = text(formData, 'idempotencyKey') || previous.key || randomUUID();
  const values: NewModuleValues = {
    id: text(formData, 'id').trim().slice(0, 100),
    titleKm: text(formData, 'titleKm').slice(0, 4100),
    titleEn: text(formData, 'titleEn').slice(0, 4100),
    descriptionKm: text(formData, 'descriptionKm').slice(0, 4100),
    descriptionEn: text(formData, 'descriptionEn').slice(0, 4100),
    durationMinutes: text(formData, 'durationMinutes').trim(),
    requiredForGrants: formData.get('requiredForGrants') === 'on',
    active: true,
  };
  return submit(formData, {
    path: PATH,
    input: NewTrainingModule.safeParse({
      ...values,
      durationMinutes: values.durationMinutes === '' ? undefined : Number(values.durationMinutes),
    }),
    send: (module) => api(ROUTES.createTrainingModule, { idempotencyKey: key, body: module }),
    wording: {
      ...FORM_WORDING,
      fields: (issues) =>
        errorsFrom(issues, ([field], code) =>
          (TEXTS as readonly string[]).includes(field)
            ? [field, textKey(field, code)]
            : field === 'durationMinutes' || field === 'id'
              ? [field, field]
              : undefined,
        ),
    },
    refused: (refusal, error) =>
      reasonOf(error) === 'module_exists'
        ? { key, values, errors: { id: 'moduleExists' }, formError: 'summary' }
        : { key, values, ...asFormState(refusal) },
    done: ({ module }, locale) => redirect({ href: { pathname: PATH, query: { saved: module.id } }, locale }),
  });
}
