'use server';

import { NetworkSettings } from '@bandanh/contracts';
import type { FormState } from '@/components/programme-settings/form-state';
import {
  planErrors,
  planFromForm,
  planInput,
  settingsErrors,
  settingsFromForm,
  settingsInput,
  targetErrors,
  targetsFromForm,
  targetsInput,
  type PlanValues,
  type SettingsValues,
  type TargetRow,
} from '@/components/programme-settings/settings-draft';
import { redirect } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING } from '@/lib/refusal';

export type SettingsFormState = FormState<SettingsValues>;
export type PlanFormState = FormState<PlanValues>;
export type TargetsFormState = FormState<TargetRow[]>;

const PATH = '/admin/programme';

/** Back to the page, which shows what was saved as the API now has it. */
const saved =
  (what: 'settings' | 'plan' | 'targets') =>
  (_answer: unknown, locale: Locale): never =>
    redirect({ href: { pathname: PATH, query: { saved: what } }, locale });

/** The pilot rule, the waiting time before a re-assessment, and the selection rubric (new assessments use it). */
export async function saveSettings(
  _previous: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  const values = settingsFromForm(formData);
  const { input, rowOf } = settingsInput(values);
  return submit(formData, {
    path: PATH,
    input: NetworkSettings.safeParse(input),
    send: (settings) => api(ROUTES.updateNetworkSettings, { body: settings }),
    wording: { ...FORM_WORDING, fields: (issues) => settingsErrors(issues, rowOf) },
    refused: (refusal) => ({ key: '', values, ...asFormState(refusal) }),
    done: saved('settings'),
  });
}

/** The phases of the expansion plan; those already open keep their provinces. */
export async function savePlan(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = planFromForm(formData);
  const { input, rowOf } = planInput(values);
  return submit(formData, {
    path: PATH,
    input: ROUTES.saveExpansionPlan.body.safeParse(input),
    send: (plan) => api(ROUTES.saveExpansionPlan, { body: plan }),
    wording: {
      ...FORM_WORDING,
      fields: (issues) => planErrors(issues, rowOf),
      phase_already_open: 'phaseAlreadyOpen',
    },
    refused: (refusal) => ({ key: '', values, ...asFormState(refusal) }),
    done: saved('plan'),
  });
}

/** The targets the dashboard measures the network against. */
export async function saveTargets(
  _previous: TargetsFormState,
  formData: FormData,
): Promise<TargetsFormState> {
  const values = targetsFromForm(formData);
  const { input, rowOf } = targetsInput(values);
  return submit(formData, {
    path: PATH,
    input: ROUTES.saveTargets.body.safeParse(input),
    send: (targets) => api(ROUTES.saveTargets, { body: targets }),
    wording: { ...FORM_WORDING, fields: (issues) => targetErrors(issues, rowOf) },
    refused: (refusal) => ({ key: '', values, ...asFormState(refusal) }),
    done: saved('targets'),
  });
}
