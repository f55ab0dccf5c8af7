import { loadMessages } from '@/i18n/catalog';
import {
  AUDIT_ACTIONS,
  AUDIT_SERVICES,
  AUDIT_TARGETS,
  actionKey,
  detailsText,
  recordName,
} from './audit-labels';

const KHMER = /[\u1780-\u17FF]/;

/** The message at a dotted key, or undefined. */
function at(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
}

describe('the audit log’s labels', () => {
  it('name every action, kind of record and service in English and in Khmer', () => {
    for (const locale of ['en', 'km']) {
      const catalog = loadMessages(locale).auditLog;
      const keys = [
        ...AUDIT_ACTIONS.map(actionKey),
        ...AUDIT_TARGETS.map((type) => `targets.${type}`),
        ...AUDIT_SERVICES.map((service) => `services.${service}`),
      ];
      for (const key of keys) {
        const text = at(catalog, key);
        expect({ key, locale, text: typeof text }).toEqual({ key, locale, text: 'string' });
        if (locale === 'km') expect(text).toMatch(KHMER);
      }
    }
  });

  it('shows a change as each field before → after, without who recorded it or the ids shown beside', () => {
    expect(
      detailsText({
        recordedBy: 'system:network',
        cboId: 'c1',
        name: 'Prey Lang',
        before: { reassessmentWaitDays: 90 },
        after: { reassessmentWaitDays: 30, unopenedProvinces: 'refuse' },
      }),
    ).toBe('reassessmentWaitDays: 90 → 30; unopenedProvinces: — → refuse');
    expect(detailsText({ reason: 'The group dissolved' })).toBe('reason: The group dissolved');
    expect(detailsText({ before: [{ count: 5 }], after: [{ count: 6 }] })).toBe(
      '[{"count":5}] → [{"count":6}]',
    );
  });

  it('names a CBO in Khmer by its Khmer name when it has one', () => {
    const records = { c1: { name: 'Prey Lang', nameKm: 'ព្រៃឡង់' }, c2: { name: 'Bavel', nameKm: null } };
    expect(recordName(records, 'c1', 'km')).toBe('ព្រៃឡង់');
    expect(recordName(records, 'c1', 'en')).toBe('Prey Lang');
    expect(recordName(records, 'c2', 'km')).toBe('Bavel');
    expect(recordName(records, 'c3', 'km')).toBeUndefined();
  });
});
