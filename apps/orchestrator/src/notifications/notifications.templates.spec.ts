import { NOTIFICATION_KINDS, NOTIFICATION_LOCALES } from '@bandanh/contracts';
import { CATALOGS, renderNotification } from './notifications.templates';

/** The placeholders a template names, sorted. */
const placeholders = (source: string) =>
  [...new Set([...source.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

describe('the notification catalogs', () => {
  it('have a subject and a body for every kind in Khmer and English, with the same placeholders', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const [km, en] = NOTIFICATION_LOCALES.map((locale) => CATALOGS[locale].templates[kind]);
      expect(Object.keys(CATALOGS.km.reasons)).toEqual(Object.keys(CATALOGS.en.reasons));
      for (const part of ['subject', 'body'] as const) {
        expect(km[part]).toBeTruthy();
        expect(placeholders(km[part])).toEqual(placeholders(en[part]));
      }
    }
  });

  it("write a decline in the recipient's language, with its reason", () => {
    const params = { cboName: 'ព្រៃឡង', outcome: 'declined', reason: 'សមាជិកតិចពេក' };
    const km = renderNotification('cbo_decision', 'km', params);
    expect(km.subject).toBe('សេចក្ដីសម្រេចលើពាក្យស្នើសុំរបស់ ព្រៃឡង');
    expect(km.text).toContain('មូលហេតុ៖ សមាជិកតិចពេក');
    const en = renderNotification('cbo_decision', 'en', { ...params, cboName: 'Prey Lang' });
    expect(en.subject).toBe('A decision on the application of Prey Lang');
    expect(en.text).toContain('The reason: សមាជិកតិចពេក');
  });

  it("say a programme rule's reason in the recipient's language", () => {
    const params = { cboName: 'Prey Lang', outcome: 'declined', reason: 'rule:pilot_development' };
    expect(renderNotification('cbo_decision', 'km', params).text).toContain('ក្នុងដំណាក់កាលសាកល្បង');
    expect(renderNotification('cbo_decision', 'en', params).text).toContain('During the pilot');
  });

  it('write a selection without a reason', () => {
    const en = renderNotification('cbo_decision', 'en', {
      cboName: 'Prey Lang',
      outcome: 'selected',
      reason: '',
    });
    expect(en.subject).toBe('Prey Lang is selected for the Human Rights Network');
    expect(en.text).not.toContain('reason');
  });

  it('refuse values that leave a placeholder empty', () => {
    expect(() => renderNotification('cbo_decision', 'km', { outcome: 'selected' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('the training messages', () => {
  const TRAINING_KINDS = NOTIFICATION_KINDS.filter((kind) => kind.startsWith('training_'));
  /** Every param a training message may name, as the training service sends them. */
  const params = {
    name: 'Sokha',
    cboName: 'Prey Lang',
    moduleKm: 'សិទ្ធិមនុស្ស',
    moduleEn: 'Human rights',
    // 09:05 in Phnom Penh (UTC+7) on Thursday 10 December 2026.
    startsAt: '2026-12-10T02:05:00.000Z',
    oldStartsAt: '2026-12-08T03:30:00.000Z',
    placeKm: 'វត្តកណ្ដាល, បាត់ដំបង',
    placeEn: 'Wat Kandal, Battambang',
    status: 'waitlisted',
    position: 12,
    lead: '3 days',
    reason: 'The trainer is ill',
    code: 'CRT-AB12-CD34',
    link: 'https://bandanh.example.org/en/group',
  };
  const KHMER_DIGITS = /[០-៩]/;

  it('are seven kinds, each written in both languages from the params the contract names', () => {
    expect(TRAINING_KINDS).toHaveLength(7);
    for (const kind of TRAINING_KINDS) {
      for (const locale of NOTIFICATION_LOCALES) {
        const message = renderNotification(kind, locale, params);
        expect(message.subject).toBeTruthy();
        expect(message.text).toContain(params.link);
        expect(message.subject + message.text).not.toMatch(/[{}]/);
        expect(message.text).toContain(locale === 'km' ? 'សិទ្ធិមនុស្ស' : 'Human rights');
      }
    }
  });

  it('say the date and time in Phnom Penh, with Khmer digits and the 24-hour clock in Khmer', () => {
    const en = renderNotification('training_invitation', 'en', params);
    expect(en.subject).toBe('Invitation: the Human rights training on Thursday, 10 December 2026 at 09:05');
    expect(en.text).toContain('Where: Wat Kandal, Battambang');
    const km = renderNotification('training_invitation', 'km', params);
    expect(km.subject).toContain('១០ ធ្នូ ២០២៦');
    expect(km.subject).toContain('០៩:០៥');
    expect(km.subject).not.toMatch(/\d/);
    expect(km.text).toContain('ទីកន្លែង៖ វត្តកណ្ដាល, បាត់ដំបង');
    const moved = renderNotification('training_moved', 'en', params);
    expect(moved.text).toContain('It was: Tuesday, 8 December 2026 at 10:30');
  });

  it('say a waitlist place and a reminder’s lead with Khmer digits in Khmer', () => {
    const seatKm = renderNotification('training_seat', 'km', params);
    expect(seatKm.text).toContain('លំដាប់ទី ១២');
    expect(KHMER_DIGITS.test(seatKm.text)).toBe(true);
    expect(renderNotification('training_seat', 'en', params).text).toContain('number 12 on the waitlist');
    expect(renderNotification('training_seat', 'en', { ...params, status: 'promoted' }).subject).toBe(
      'A seat has freed for you: Human rights',
    );
    expect(renderNotification('training_reminder', 'km', params).text).toContain('៣ ថ្ងៃ');
    expect(renderNotification('training_reminder', 'en', { ...params, lead: '1 day' }).text).toContain(
      'starts in 1 day:',
    );
    expect(renderNotification('training_reminder', 'en', { ...params, lead: '36h' }).text).toContain(
      'starts in 36 hours:',
    );
  });

  it('take a value in the recipient’s language when given one, and say an online session', () => {
    const online = { ...params, module: 'Advocacy', place: 'place:online' };
    expect(renderNotification('training_assigned', 'en', online).text).toContain('Where: Online');
    expect(renderNotification('training_assigned', 'km', online).text).toContain('ទីកន្លែង៖ តាមអនឡាញ');
    expect(renderNotification('training_assigned', 'km', online).text).toContain('Advocacy');
  });

  it('refuse a date that is not an instant, a lead that is not a duration, and a missing value', () => {
    for (const bad of [{ startsAt: 'next Tuesday' }, { lead: 'soon' }, { moduleEn: undefined }]) {
      const values = Object.fromEntries(
        Object.entries({ ...params, ...bad }).filter(([, value]) => value !== undefined),
      ) as Record<string, string | number>;
      expect(() => renderNotification('training_reminder', 'en', values)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });

  it('keep the same duration words in both languages', () => {
    expect(Object.keys(CATALOGS.km.durations)).toEqual(Object.keys(CATALOGS.en.durations));
  });
});

describe("a session's attendance task, reminded and escalated", () => {
  it('names the attendance sheet and the session in both languages', () => {
    const params = {
      name: 'Dara',
      task: 'take_attendance',
      cboName: 'Human rights, Battambang',
      role: 'coordinator',
      waited: 2,
      waitedUnit: 'days',
      overdue: 1,
      overdueUnit: 'day',
      link: 'https://bandanh.example.org/en/training/sessions/1',
    };
    expect(renderNotification('task_reminder', 'en', params).subject).toBe(
      'Reminder: take the attendance of Human rights, Battambang',
    );
    expect(renderNotification('task_escalation', 'en', params).text).toContain(
      'your role: the attendance sheet of Human rights, Battambang',
    );
    expect(renderNotification('task_reminder', 'km', params).subject).toContain('កត់វត្តមាន');
  });
});
