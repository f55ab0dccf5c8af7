import { addMonths, formatISO } from 'date-fns';
import { PROVINCES, type TargetDraft } from '@bandanh/contracts';

/** The pilot provinces: Battambang and Siem Reap. */
export const PILOT_PROVINCES = ['KH-2', 'KH-17'];
const PHASE_MONTHS = 6;

export const dateOnly = (date: Date) => formatISO(date, { representation: 'date' });

/** The plan in force until an admin edits it: the pilot now, then two provinces every six months. */
export function defaultPlan(start: Date): Array<{ provinces: string[]; opensOn: string }> {
  const rest = PROVINCES.map((p) => p.code).filter((code) => !PILOT_PROVINCES.includes(code));
  const phases = [{ provinces: PILOT_PROVINCES, opensOn: dateOnly(start) }];
  for (let i = 0; i < rest.length; i += 2) {
    phases.push({
      provinces: rest.slice(i, i + 2),
      opensOn: dateOnly(addMonths(start, PHASE_MONTHS * (i / 2 + 1))),
    });
  }
  return phases;
}

export function defaultTargets(start: Date): TargetDraft[] {
  return [
    {
      labelEn: '30 Network Participants by the end of the pilot',
      labelKm: 'អ្នកចូលរួមបណ្ដាញ ៣០ នៅចុងបញ្ចប់គម្រោងសាកល្បង',
      metric: 'participants',
      count: 30,
      provinces: [],
      dueOn: dateOnly(addMonths(start, PHASE_MONTHS)),
    },
    {
      labelEn: '10 Network Participants from the pilot provinces in the first year',
      labelKm: 'អ្នកចូលរួមបណ្ដាញ ១០ ពីខេត្តសាកល្បង ក្នុងឆ្នាំដំបូង',
      metric: 'participants',
      count: 10,
      provinces: PILOT_PROVINCES,
      dueOn: dateOnly(addMonths(start, 12)),
    },
  ];
}
