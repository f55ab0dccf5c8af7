import { FieldVisitDraft } from '@bandanh/contracts';
import { CBO_ID } from '../cbos/cbos.fakes';
import { refusal, replaying, staff, STAFF_ID } from '@bandanh/platform/testing';
import { VISIT_ID, aFieldVisit, fakeFieldVisitsRepository } from './field-visits.fakes';
import type { FieldVisitsRepository } from './field-visits.repository';
import { FieldVisitsService } from './field-visits.service';

const DRAFT = FieldVisitDraft.parse({ provinceCode: 'KH-2', commune: 'Ou Mal', visitedOn: '2025-01-14' });
const UNKNOWN = '99999999-9999-4999-8999-999999999999';

describe('recording a field visit', () => {
  it('is for coordinators and admins', async () => {
    const repository = fakeFieldVisitsRepository();
    await expect(
      new FieldVisitsService(repository).create(staff('assessor'), 'key-00001', DRAFT),
    ).rejects.toEqual(refusal('FORBIDDEN', 'This needs one of the roles: coordinator, admin'));
    expect(repository.once).not.toHaveBeenCalled();
  });

  it('stores the visit once per key, as the coordinator’s, and answers it', async () => {
    const repository = fakeFieldVisitsRepository();
    const answer = await new FieldVisitsService(repository).create(staff('coordinator'), 'key-00001', DRAFT);
    expect(answer).toEqual({ visit: aFieldVisit(), created: true });
    expect(repository.once).toHaveBeenCalledWith(
      { name: 'network.fieldVisit.create', key: 'key-00001', request: { draft: DRAFT, visitedBy: STAFF_ID } },
      expect.any(Function),
    );
    expect(repository.insert).toHaveBeenCalledWith(DRAFT, STAFF_ID);
  });

  it('answers a retry as not created again', async () => {
    const repository = fakeFieldVisitsRepository({
      once: replaying<FieldVisitsRepository>(VISIT_ID),
    });
    const answer = await new FieldVisitsService(repository).create(staff('admin'), 'key-00001', DRAFT);
    expect(answer.created).toBe(false);
    expect(repository.insert).not.toHaveBeenCalled();
  });
});

describe('listing field visits', () => {
  it('is for programme staff', async () => {
    const visits = new FieldVisitsService(fakeFieldVisitsRepository());
    await expect(visits.list(staff('approver'))).resolves.toEqual([aFieldVisit()]);
    await expect(visits.list(staff('finance'))).rejects.toEqual(refusal('FORBIDDEN'));
  });
});

describe('linking a CBO already recorded to a visit', () => {
  it('links it and answers the visit', async () => {
    const repository = fakeFieldVisitsRepository();
    await expect(
      new FieldVisitsService(repository).link(staff('coordinator'), VISIT_ID, CBO_ID),
    ).resolves.toEqual(aFieldVisit());
    expect(repository.link).toHaveBeenCalledWith(VISIT_ID, CBO_ID);
  });

  it('says which of the visit and the CBO was not found, and links nothing', async () => {
    const repository = fakeFieldVisitsRepository({ cboExists: jest.fn(async (id: string) => id === CBO_ID) });
    const visits = new FieldVisitsService(repository);
    await expect(visits.link(staff('admin'), UNKNOWN, CBO_ID)).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', details: { id: UNKNOWN, resource: 'Field visit' } }),
    );
    await expect(visits.link(staff('admin'), VISIT_ID, UNKNOWN)).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', details: { id: UNKNOWN, resource: 'CBO' } }),
    );
    expect(repository.link).not.toHaveBeenCalled();
  });

  it('is for coordinators and admins', async () => {
    await expect(
      new FieldVisitsService(fakeFieldVisitsRepository()).link(staff('approver'), VISIT_ID, CBO_ID),
    ).rejects.toEqual(refusal('FORBIDDEN'));
  });
});
