import {
  PROVINCES,
  type ExpansionPhase,
  type FieldIssue,
  type NetworkSettings,
  type TargetProgress,
} from '@bandanh/contracts';
import { errorsFrom, text, textKey } from './form-state';

type Issues = ReadonlyArray<Pick<FieldIssue, 'path' | 'code'>>;

/** Blank rows under the rubric, the phases and the targets: adding one needs no script. */
export const EXTRA_ROWS = { rubric: 3, phases: 2, targets: 2 } as const;
/** More rows than any form may send; a forged count stops here. */
const MOST_ROWS = 60;

const rowCount = (formData: FormData, name: string) =>
  Math.min(MOST_ROWS, Math.max(0, Number.parseInt(text(formData, name), 10) || 0));
const blank = (...values: string[]) => values.every((value) => value.trim() === '');
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The rows a form keeps (not blank, not ticked for removal), and for each the form row it came
 * from, so an issue about the n-th kept row shows by the row the reader typed it in.
 */
function kept<Row>(rows: Row[], keep: (row: Row) => boolean): { rows: Row[]; rowOf: number[] } {
  const rowOf = range(rows.length).filter((i) => keep(rows[i]));
  return { rows: rowOf.map((i) => rows[i]), rowOf };
}

// The network settings: the pilot rule, the waiting time and the rubric.

export interface CriterionRow {
  key: string;
  labelEn: string;
  labelKm: string;
  weight: string;
  maxScore: string;
  remove: boolean;
}
const CRITERION_FIELDS = ['key', 'labelEn', 'labelKm', 'weight', 'maxScore'] as const;

export interface SettingsValues {
  pilotDeclinesDevelopment: boolean;
  reassessmentWaitDays: string;
  /** Recording a CBO in a province not opened yet: `warn` or `refuse`. */
  unopenedProvinces: string;
  rubric: CriterionRow[];
}

const blankCriterion = (): CriterionRow => ({
  key: '',
  labelEn: '',
  labelKm: '',
  weight: '',
  maxScore: '',
  remove: false,
});

export function settingsValues(settings: NetworkSettings): SettingsValues {
  return {
    pilotDeclinesDevelopment: settings.pilotDeclinesDevelopment,
    reassessmentWaitDays: String(settings.reassessmentWaitDays),
    unopenedProvinces: settings.unopenedProvinces,
    rubric: [
      ...settings.rubric.map((c) => ({
        key: c.key,
        labelEn: c.labelEn,
        labelKm: c.labelKm,
        weight: String(c.weight),
        maxScore: String(c.maxScore),
        remove: false,
      })),
      ...range(EXTRA_ROWS.rubric).map(blankCriterion),
    ],
  };
}

export function settingsFromForm(formData: FormData): SettingsValues {
  return {
    pilotDeclinesDevelopment: formData.get('pilotDeclinesDevelopment') === 'on',
    reassessmentWaitDays: text(formData, 'reassessmentWaitDays'),
    unopenedProvinces: text(formData, 'unopenedProvinces'),
    rubric: range(rowCount(formData, 'rubricRows')).map((i) => ({
      ...(Object.fromEntries(CRITERION_FIELDS.map((f) => [f, text(formData, `rubric.${i}.${f}`)])) as Omit<
        CriterionRow,
        'remove'
      >),
      remove: formData.get(`rubric.${i}.remove`) === 'on',
    })),
  };
}

/** Shaped for `NetworkSettings`, without the blank rows and those ticked for removal. */
export function settingsInput(values: SettingsValues) {
  const { rows, rowOf } = kept(
    values.rubric,
    (row) => !row.remove && !blank(row.key, row.labelEn, row.labelKm, row.weight, row.maxScore),
  );
  const input = {
    pilotDeclinesDevelopment: values.pilotDeclinesDevelopment,
    reassessmentWaitDays: values.reassessmentWaitDays,
    unopenedProvinces: values.unopenedProvinces || undefined,
    rubric: rows.map(({ remove: _remove, ...criterion }) => criterion),
  };
  return { input, rowOf };
}

const RUBRIC_KEYS: Record<string, string> = { too_small: 'rubricEmpty', too_big: 'rubricTooMany' };

export function settingsErrors(issues: Issues, rowOf: number[]) {
  return errorsFrom(issues, ([first, index, field], code) => {
    if (first === 'reassessmentWaitDays') return ['reassessmentWaitDays', 'waitDays'];
    if (first === 'unopenedProvinces') return ['unopenedProvinces', 'unopenedProvinces'];
    if (first !== 'rubric') return undefined;
    if (index === undefined) return ['rubric', RUBRIC_KEYS[code] ?? 'rubricKeys'];
    const row = rowOf[Number(index)];
    if (row === undefined || !(CRITERION_FIELDS as readonly string[]).includes(field)) return undefined;
    const key = field === 'labelEn' || field === 'labelKm' ? textKey(field, code) : field;
    return [`rubric.${row}.${field}`, key];
  });
}

// The expansion plan: the date each phase opens, and the phase of each province.

export interface PhaseRow {
  opensOn: string;
  /** Already opened: its provinces and date stay as they are. */
  open: boolean;
}

export interface PlanValues {
  phases: PhaseRow[];
  /** Each province's phase, as the index of its row; '' when not planned. */
  provinces: Record<string, string>;
}

export function planValues(phases: ExpansionPhase[]): PlanValues {
  const provinces: Record<string, string> = Object.fromEntries(PROVINCES.map((p) => [p.code, '']));
  phases.forEach((phase, i) => phase.provinces.forEach((code) => (provinces[code] = String(i))));
  return {
    phases: [
      ...phases.map((phase) => ({ opensOn: phase.opensOn, open: phase.openedAt !== null })),
      ...range(EXTRA_ROWS.phases).map(() => ({ opensOn: '', open: false })),
    ],
    provinces,
  };
}

export function planFromForm(formData: FormData): PlanValues {
  return {
    phases: range(rowCount(formData, 'phaseRows')).map((i) => ({
      opensOn: text(formData, `phase.${i}.opensOn`),
      open: formData.get(`phase.${i}.open`) === '1',
    })),
    provinces: Object.fromEntries(PROVINCES.map((p) => [p.code, text(formData, `province.${p.code}`)])),
  };
}

/** Shaped for the plan: each row with a date or a province is a phase, in the order of the rows. */
export function planInput(values: PlanValues) {
  const phases = values.phases.map((row, i) => ({
    opensOn: row.opensOn,
    provinces: PROVINCES.map((p) => p.code).filter((code) => values.provinces[code] === String(i)),
  }));
  const { rows, rowOf } = kept(phases, (phase) => phase.provinces.length > 0 || !blank(phase.opensOn));
  return { input: { phases: rows }, rowOf };
}

export function planErrors(issues: Issues, rowOf: number[]) {
  const errors = errorsFrom(issues, ([first, index, field], code) => {
    if (first !== 'phases') return undefined;
    if (index === undefined) return ['plan', code === 'too_small' ? 'planEmpty' : 'phaseOrder'];
    const row = rowOf[Number(index)];
    if (row === undefined) return undefined;
    return [`phase.${row}`, field === 'opensOn' ? 'opensOn' : 'phaseProvinces'];
  });
  // Dates out of order says nothing more while a date is missing.
  if (errors.plan === 'phaseOrder' && Object.values(errors).includes('opensOn')) delete errors.plan;
  return errors;
}

// The targets.

export interface TargetRow {
  labelEn: string;
  labelKm: string;
  metric: string;
  count: string;
  dueOn: string;
  provinces: string[];
  remove: boolean;
}
const TARGET_FIELDS = ['labelEn', 'labelKm', 'metric', 'count', 'dueOn'] as const;

const blankTarget = (): TargetRow => ({
  labelEn: '',
  labelKm: '',
  metric: 'participants',
  count: '',
  dueOn: '',
  provinces: [],
  remove: false,
});

export function targetValues(targets: TargetProgress[]): TargetRow[] {
  return [
    ...targets.map((target) => ({
      labelEn: target.labelEn,
      labelKm: target.labelKm,
      metric: target.metric,
      count: String(target.count),
      dueOn: target.dueOn,
      provinces: target.provinces,
      remove: false,
    })),
    ...range(EXTRA_ROWS.targets).map(blankTarget),
  ];
}

export function targetsFromForm(formData: FormData): TargetRow[] {
  return range(rowCount(formData, 'targetRows')).map((i) => ({
    ...(Object.fromEntries(TARGET_FIELDS.map((f) => [f, text(formData, `target.${i}.${f}`)])) as Omit<
      TargetRow,
      'provinces' | 'remove'
    >),
    provinces: formData.getAll(`target.${i}.provinces`).filter((v): v is string => typeof v === 'string'),
    remove: formData.get(`target.${i}.remove`) === 'on',
  }));
}

/** Shaped for the targets: a row counts once it has a label, a goal or a date (its metric has a default). */
export function targetsInput(rows: TargetRow[]) {
  const { rows: targets, rowOf } = kept(
    rows,
    (row) =>
      !row.remove && !(blank(row.labelEn, row.labelKm, row.count, row.dueOn) && row.provinces.length === 0),
  );
  return { input: { targets: targets.map(({ remove: _remove, ...target }) => target) }, rowOf };
}

export function targetErrors(issues: Issues, rowOf: number[]) {
  return errorsFrom(issues, ([first, index, field], code) => {
    if (first !== 'targets') return undefined;
    if (index === undefined) return ['targets', 'targetsTooMany'];
    const row = rowOf[Number(index)];
    if (row === undefined) return undefined;
    if (field === 'provinces') return [`target.${row}.provinces`, 'provinces'];
    if (!(TARGET_FIELDS as readonly string[]).includes(field)) return undefined;
    const key = field === 'labelEn' || field === 'labelKm' ? textKey(field, code) : field;
    return [`target.${row}.${field}`, key];
  });
}
