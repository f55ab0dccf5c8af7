import { PartnerDraft, type Partner, type PartnerDraft as Draft } from '@bandanh/contracts';
import { fakeRepository } from '@bandanh/platform/testing';
import type { PartnersRepository } from './partners.repository';

export const PARTNER_ID = '88888888-8888-4888-8888-888888888888';

export function aPartnerDraft(overrides: Partial<Draft> = {}): Draft {
  return PartnerDraft.parse({ name: 'Land Rights Legal Aid', expertise: ['land'], ...overrides });
}

export function aPartner(overrides: Partial<Partner> = {}): Partner {
  return {
    id: PARTNER_ID,
    name: 'Land Rights Legal Aid',
    expertise: ['land'],
    description: null,
    contactName: null,
    phone: null,
    email: null,
    active: true,
    ...overrides,
  };
}

/** One partner on record (PARTNER_ID); `insert` answers the draft as stored. */
export function fakePartnersRepository(overrides: Partial<PartnersRepository> = {}): PartnersRepository {
  return fakeRepository<PartnersRepository>({
    list: jest.fn(async () => [aPartner()]),
    insert: jest.fn(async (draft: Draft) => aPartner({ name: draft.name, active: draft.active })),
    find: jest.fn(async (id: string) =>
      id === PARTNER_ID ? { ...aPartner(), updatedAt: '2025-03-01T09:00:00.000Z' } : undefined,
    ),
    update: jest.fn(async (id: string, draft: Draft) =>
      id === PARTNER_ID
        ? { ...aPartner({ name: draft.name, active: draft.active }), updatedAt: '2025-03-02T09:00:00.000Z' }
        : undefined,
    ),
    ...overrides,
  });
}
