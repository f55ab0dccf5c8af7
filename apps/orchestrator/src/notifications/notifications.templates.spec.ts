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
