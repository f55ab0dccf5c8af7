import { refusal, staff } from '@bandanh/platform/testing';
import { PARTNER_ID, aPartner, aPartnerDraft, fakePartnersRepository } from './partners.fakes';
import { PartnersService } from './partners.service';

const UNKNOWN = '99999999-9999-4999-8999-999999999999';

describe('the partner NGOs', () => {
  it('are read by programme staff, inactive ones only when asked', async () => {
    const repository = fakePartnersRepository();
    const partners = new PartnersService(repository);
    await expect(partners.list(staff('assessor'), false)).resolves.toEqual([aPartner()]);
    await partners.list(staff('coordinator'), true);
    expect(jest.mocked(repository.list).mock.calls).toEqual([[false], [true]]);
    await expect(partners.list(staff('trainer'), false)).rejects.toEqual(
      refusal('FORBIDDEN', 'This needs one of the roles: admin, coordinator, assessor, approver'),
    );
  });

  it('are kept by hotline staff only', async () => {
    const repository = fakePartnersRepository();
    await expect(
      new PartnersService(repository).save(staff('assessor'), undefined, 'key-00001', aPartnerDraft()),
    ).rejects.toEqual(refusal('FORBIDDEN', 'This needs one of the roles: coordinator, admin'));
    expect(repository.once).not.toHaveBeenCalled();
    expect(repository.update).not.toHaveBeenCalled();
  });
});

describe('saving a partner', () => {
  it('edits the partner named by its id', async () => {
    const repository = fakePartnersRepository();
    const draft = aPartnerDraft({ active: false });
    await expect(
      new PartnersService(repository).save(staff('admin'), PARTNER_ID, undefined, draft),
    ).resolves.toEqual({
      partner: aPartner({ active: false }),
      created: false,
    });
    expect(repository.update).toHaveBeenCalledWith(PARTNER_ID, draft);
    expect(repository.once).not.toHaveBeenCalled();
  });

  it('says a partner that does not exist was not found', async () => {
    await expect(
      new PartnersService(fakePartnersRepository()).save(staff('admin'), UNKNOWN, undefined, aPartnerDraft()),
    ).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', details: { id: UNKNOWN, resource: 'Partner' } }),
    );
  });

  it('creates a new one once per idempotency key', async () => {
    const repository = fakePartnersRepository();
    const draft = aPartnerDraft();
    await expect(
      new PartnersService(repository).save(staff('coordinator'), undefined, 'key-00001', draft),
    ).resolves.toEqual({
      partner: aPartner(),
      created: true,
    });
    expect(repository.once).toHaveBeenCalledWith(
      { name: 'network.partner.create', key: 'key-00001', request: draft },
      expect.any(Function),
    );
  });

  it('refuses a new one without an idempotency key', async () => {
    const repository = fakePartnersRepository();
    await expect(
      new PartnersService(repository).save(staff('coordinator'), undefined, undefined, aPartnerDraft()),
    ).rejects.toEqual(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'idempotencyKey', code: 'required', message: 'Required' }] },
      }),
    );
    expect(repository.insert).not.toHaveBeenCalled();
  });
});
