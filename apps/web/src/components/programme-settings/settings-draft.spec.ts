import { ExpansionPlan, NetworkSettings, TargetDraft, toFieldIssues } from '@bandanh/contracts';
import { z } from 'zod';
import {
  planErrors,
  planFromForm,
  planInput,
  planValues,
  settingsErrors,
  settingsFromForm,
  settingsInput,
  targetErrors,
  targetsFromForm,
  targetsInput,
} from './settings-draft';

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

const criterion = (i: number, key: string, weight: string) => ({
  [`rubric.${i}.key`]: key,
  [`rubric.${i}.labelEn`]: `Label ${key}`,
  [`rubric.${i}.labelKm`]: 'លក្ខណៈ',
  [`rubric.${i}.weight`]: weight,
  [`rubric.${i}.maxScore`]: '5',
});

describe('the settings form', () => {
  it('keeps the filled rows, drops blank ones and those ticked for removal', () => {
    const values = settingsFromForm(
      form({
        rubricRows: '4',
        pilotDeclinesDevelopment: 'on',
        reassessmentWaitDays: '30',
        ...criterion(0, 'organisation', '30'),
        ...criterion(1, 'reach', '20'),
        'rubric.1.remove': 'on',
        ...criterion(3, 'commitment', '10'),
      }),
    );
    const { input, rowOf } = settingsInput(values);
    expect(rowOf).toEqual([0, 3]);
    const settings = NetworkSettings.parse(input);
    expect(settings.pilotDeclinesDevelopment).toBe(true);
    expect(settings.rubric.map((c) => [c.key, c.weight])).toEqual([
      ['organisation', 30],
      ['commitment', 10],
    ]);
  });

  it('reads an unticked pilot rule as off', () => {
    const values = settingsFromForm(
      form({ rubricRows: '1', reassessmentWaitDays: '0', ...criterion(0, 'reach', '5') }),
    );
    expect(NetworkSettings.parse(settingsInput(values).input).pilotDeclinesDevelopment).toBe(false);
  });

  it('shows a refused weight by the row it was typed in', () => {
    const values = settingsFromForm(
      form({ rubricRows: '3', reassessmentWaitDays: 'x', ...criterion(2, 'reach', '0') }),
    );
    const { input, rowOf } = settingsInput(values);
    const result = NetworkSettings.safeParse(input);
    expect(result.success).toBe(false);
    expect(settingsErrors(toFieldIssues(result.error!), rowOf)).toEqual({
      reassessmentWaitDays: 'waitDays',
      'rubric.2.weight': 'weight',
    });
  });

  it('says so when two criteria share a key, or none is left', () => {
    const twice = settingsInput(
      settingsFromForm(
        form({
          rubricRows: '2',
          reassessmentWaitDays: '1',
          ...criterion(0, 'reach', '5'),
          ...criterion(1, 'reach', '5'),
        }),
      ),
    );
    const issues = toFieldIssues(NetworkSettings.safeParse(twice.input).error!);
    expect(settingsErrors(issues, twice.rowOf)).toEqual({ rubric: 'rubricKeys' });

    const none = settingsInput(settingsFromForm(form({ rubricRows: '3', reassessmentWaitDays: '1' })));
    expect(settingsErrors(toFieldIssues(NetworkSettings.safeParse(none.input).error!), none.rowOf)).toEqual({
      rubric: 'rubricEmpty',
    });
  });
});

describe('the plan form', () => {
  const Plan = z.object({ phases: ExpansionPlan });

  it('starts from the plan, with blank phases to add', () => {
    const values = planValues([
      { seq: 1, provinces: ['KH-2', 'KH-17'], opensOn: '2026-01-01', openedAt: '2026-01-01T00:00:00.000Z' },
      { seq: 2, provinces: ['KH-1'], opensOn: '2026-07-01', openedAt: null },
    ]);
    expect(values.phases.map((p) => p.open)).toEqual([true, false, false, false]);
    expect(values.provinces['KH-2']).toBe('0');
    expect(values.provinces['KH-1']).toBe('1');
    expect(values.provinces['KH-3']).toBe('');
  });

  it('makes a phase of each row with a date or a province, in row order', () => {
    const values = planFromForm(
      form({
        phaseRows: '4',
        'phase.0.open': '1',
        'phase.0.opensOn': '2026-01-01',
        'province.KH-2': '0',
        'phase.1.opensOn': '',
        'phase.2.opensOn': '2027-01-01',
        'province.KH-1': '2',
        'province.KH-3': '2',
        'phase.3.opensOn': '',
      }),
    );
    const { input, rowOf } = planInput(values);
    expect(rowOf).toEqual([0, 2]);
    expect(Plan.parse(input).phases).toEqual([
      { provinces: ['KH-2'], opensOn: '2026-01-01' },
      { provinces: ['KH-1', 'KH-3'], opensOn: '2027-01-01' },
    ]);
  });

  it('shows a phase without provinces, a missing date and dates out of order where they are', () => {
    const { input, rowOf } = planInput(
      planFromForm(
        form({
          phaseRows: '3',
          'phase.0.opensOn': '2026-01-01',
          'province.KH-1': '0',
          'phase.1.opensOn': '',
          'province.KH-2': '1',
          'phase.2.opensOn': '2028-01-01',
        }),
      ),
    );
    expect(planErrors(toFieldIssues(Plan.safeParse(input).error!), rowOf)).toEqual({
      'phase.1': 'opensOn',
      'phase.2': 'phaseProvinces',
    });
    const unordered = planInput(
      planFromForm(
        form({
          phaseRows: '2',
          'phase.0.opensOn': '2027-01-01',
          'province.KH-1': '0',
          'phase.1.opensOn': '2026-01-01',
          'province.KH-2': '1',
        }),
      ),
    );
    expect(planErrors(toFieldIssues(Plan.safeParse(unordered.input).error!), unordered.rowOf)).toEqual({
      plan: 'phaseOrder',
    });
  });
});

describe('the targets form', () => {
  const Targets = z.object({ targets: z.array(TargetDraft).max(50) });
  const target = (i: number, count: string) => ({
    [`target.${i}.labelEn`]: 'Participants',
    [`target.${i}.labelKm`]: 'សមាជិកបណ្ដាញ',
    [`target.${i}.metric`]: 'participants',
    [`target.${i}.count`]: count,
    [`target.${i}.dueOn`]: '2027-06-30',
  });

  it('keeps the filled rows with their provinces; a blank row with a metric is still blank', () => {
    const rows = targetsFromForm(
      form({
        targetRows: '3',
        ...target(0, '40'),
        'target.0.provinces': ['KH-2', 'KH-17'],
        'target.1.metric': 'participants',
        ...target(2, '5'),
        'target.2.remove': 'on',
      }),
    );
    const { input, rowOf } = targetsInput(rows);
    expect(rowOf).toEqual([0]);
    expect(Targets.parse(input).targets).toEqual([
      {
        labelEn: 'Participants',
        labelKm: 'សមាជិកបណ្ដាញ',
        metric: 'participants',
        count: 40,
        provinces: ['KH-2', 'KH-17'],
        dueOn: '2027-06-30',
      },
    ]);
  });

  it('shows a refused goal and a missing label by their row', () => {
    const rows = targetsFromForm(
      form({
        targetRows: '3',
        'target.1.metric': 'selected',
        'target.1.count': '3',
        'target.1.dueOn': '2027-01-01',
        ...target(2, '0'),
      }),
    );
    const { input, rowOf } = targetsInput(rows);
    expect(targetErrors(toFieldIssues(Targets.safeParse(input).error!), rowOf)).toEqual({
      'target.1.labelEn': 'labelEn',
      'target.1.labelKm': 'labelKm',
      'target.2.count': 'count',
    });
  });
});

describe('the setting for provinces not opened yet', () => {
  it('sends the choice, and names the field when it is none of warn and refuse', () => {
    const chosen = (unopenedProvinces: string) =>
      settingsInput(
        settingsFromForm(
          form({
            rubricRows: '1',
            reassessmentWaitDays: '1',
            unopenedProvinces,
            ...criterion(0, 'reach', '5'),
          }),
        ),
      );
    expect(NetworkSettings.parse(chosen('refuse').input).unopenedProvinces).toBe('refuse');
    expect(NetworkSettings.parse(chosen('').input).unopenedProvinces).toBe('warn');
    const wrong = chosen('sometimes');
    const issues = toFieldIssues(NetworkSettings.safeParse(wrong.input).error!);
    expect(settingsErrors(issues, wrong.rowOf)).toEqual({ unopenedProvinces: 'unopenedProvinces' });
  });
});
