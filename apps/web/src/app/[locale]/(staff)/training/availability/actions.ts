'use server';

import { Availability } from '@bandanh/contracts';
import { errorsFrom } from '@/components/programme-settings/form-state';
import { availabilityFromForm, type AvailabilityValues } from '@/components/training/availability-draft';
import { feedUrl } from '@/components/training/training-data';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING } from '@/lib/refusal';

const PATH = '/training/availability';

export interface AvailabilityFormState {
  values: AvailabilityValues;
  errors: Record<string, string>;
  formError?: string;
}

/**
 * Replaces the trainer's weekly windows and dated exceptions: blank rows are left out, ticked
 * ones removed; a refused row is said on the row it was typed in.
 */
export async function saveAvailability(
  _previous: AvailabilityFormState,
  formData: FormData,
): Promise<AvailabilityFormState> {
  const { values, availability, windowRows, exceptionRows } = availabilityFromForm(formData);
  const fields = (issues: Parameters<typeof errorsFrom>[0]) =>
    errorsFrom(issues, ([list, index, part], code) => {
      const at = Number(index);
      if (list === 'windows' && Number.isInteger(at) && windowRows[at] !== undefined) {
        const key =
          code === 'custom' && part === 'start' ? 'overlap' : part === 'weekday' ? 'weekday' : 'time';
        return [`window.${windowRows[at]}.${part ?? 'start'}`, key];
      }
      if (list === 'exceptions' && Number.isInteger(at) && exceptionRows[at] !== undefined) {
        const key =
          part === 'kind' ? 'kind' : part === 'note' ? 'note' : part?.endsWith('Time') ? 'time' : 'date';
        return [`exception.${exceptionRows[at]}.${part ?? 'startDate'}`, key];
      }
      return undefined;
    });
  return submit(formData, {
    path: PATH,
    input: Availability.safeParse(availability),
    send: (body) => api(ROUTES.updateOwnAvailability, { body }),
    wording: { ...FORM_WORDING, fields, NOT_FOUND: 'noProfile' },
    refused: (refusal) => ({ values, ...asFormState(refusal) }),
    done: (_answer, locale) => redirect({ href: { pathname: PATH, query: { saved: '1' } }, locale }),
  });
}

export interface CalendarState {
  /** The feed's address, shown once after it was made new. */
  url?: string;
  formError?: string;
}

/** A new secret address for the trainer's calendar feed; the old one stops working. */
export async function rotateCalendar(_previous: CalendarState, formData: FormData): Promise<CalendarState> {
  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.rotateTrainerCalendarToken),
    wording: FORM_WORDING,
    refused: ({ formError }) => ({ formError }),
    done: async ({ path }) => (path ? { url: await feedUrl(path) } : { formError: 'unexpected' }),
  });
}
