'use server';

import { z } from 'zod';
import { ExpansionPlan, NetworkSettings, TargetDraft, toFieldIssues } from '@bandanh/contracts';
import { refusedFields, type FormState } from '@/components/programme-settings/form-state';
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
import { programme, refused } from '@/lib/api/programme';
import { afterFailure } from '@/lib/auth';
import { localeOf } from '@/lib/locale';

export type SettingsFormState = FormState<SettingsValues>;
export type PlanFormState = FormState<PlanValues>;
export type TargetsFormState = FormState<TargetRow[]>;

const PATH = '/admin/programme';

const Plan = z.object({ phases: ExpansionPlan });
const Targets = z.object({ targets: z.array(TargetDraft).max(50) });

/** Back to the page, which shows what was saved as the API now has it. */
const saved = (what: 'settings' | 'plan' | 'targets', formData: FormData): never =>
  redirect({ href: { pathname: PATH, query: { saved: what } }, locale: localeOf(formData.get('locale')) });

/** The pilot rule, the waiting time before a re-assessment, and the selection rubric (new assessments use it). */
export async function saveSettings(
  _previous: SettingsFormState,
  formData: FormData,
): Promise<SettingsFormState> {
  const values = settingsFromForm(formData);
  const state = { key: '', values, errors: {} };
  const { input, rowOf } = settingsInput(values);
  const settings = NetworkSettings.safeParse(input);
  if (!settings.success)
    return { ...state, ...refusedFields(settingsErrors(toFieldIssues(settings.error), rowOf)) };
  try {
    await programme.saveSettings(settings.data);
  } catch (error) {
    afterFailure(error, localeOf(formData.get('locale')), PATH);
    return { ...state, ...refused(error, (issues) => settingsErrors(issues, rowOf)) };
  }
  return saved('settings', formData);
}

/** The phases of the expansion plan; those already open keep their provinces. */
export async function savePlan(_previous: PlanFormState, formData: FormData): Promise<PlanFormState> {
  const values = planFromForm(formData);
  const state = { key: '', values, errors: {} };
  const { input, rowOf } = planInput(values);
  const plan = Plan.safeParse(input);
  if (!plan.success) return { ...state, ...refusedFields(planErrors(toFieldIssues(plan.error), rowOf)) };
  try {
    await programme.savePlan(plan.data.phases);
  } catch (error) {
    afterFailure(error, localeOf(formData.get('locale')), PATH);
    return {
      ...state,
      ...refused(error, (issues) => planErrors(issues, rowOf), {
        conflict: (body) =>
          body.details?.reason === 'phase_already_open' ? 'phaseAlreadyOpen' : 'unexpected',
      }),
    };
  }
  return saved('plan', formData);
}

/** The targets the dashboard measures the network against. */
export async function saveTargets(
  _previous: TargetsFormState,
  formData: FormData,
): Promise<TargetsFormState> {
  const values = targetsFromForm(formData);
  const state = { key: '', values, errors: {} };
  const { input, rowOf } = targetsInput(values);
  const targets = Targets.safeParse(input);
  if (!targets.success)
    return { ...state, ...refusedFields(targetErrors(toFieldIssues(targets.error), rowOf)) };
  try {
    await programme.saveTargets(targets.data.targets);
  } catch (error) {
    afterFailure(error, localeOf(formData.get('locale')), PATH);
    return { ...state, ...refused(error, (issues) => targetErrors(issues, rowOf)) };
  }
  return saved('targets', formData);
}
