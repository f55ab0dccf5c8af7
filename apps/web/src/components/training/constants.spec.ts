import {
  ATTENDANCE_MARKS,
  EXCEPTION_KINDS as CONTRACT_EXCEPTION_KINDS,
  SESSION_LANGUAGES,
  TRAINING_SCHEDULE_REFUSALS,
} from '@bandanh/contracts';
import { EXCEPTION_KINDS, LANGUAGES, MARKS, SCHEDULE_REFUSALS } from './constants';

describe("the trainer console's plain lists", () => {
  it('are the training contracts’ own marks, languages, exception kinds and refusals', () => {
    expect(MARKS).toEqual(ATTENDANCE_MARKS);
    expect(LANGUAGES).toEqual(SESSION_LANGUAGES);
    expect(EXCEPTION_KINDS).toEqual(CONTRACT_EXCEPTION_KINDS);
    expect(SCHEDULE_REFUSALS).toEqual(TRAINING_SCHEDULE_REFUSALS);
  });
});
