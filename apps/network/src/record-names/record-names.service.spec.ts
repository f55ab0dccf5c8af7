import type { Caller } from '@bandanh/contracts';
import { ANONYMOUS } from '@bandanh/platform';
import { fakeRepository } from '@bandanh/platform/testing';
import type { RecordNamesRepository } from './record-names.repository';
import { RecordNamesService } from './record-names.service';

const CBO = '33333333-3333-4333-8333-333333333333';
const admin: Caller = { kind: 'staff', userId: '11111111-1111-4111-8111-111111111111', roles: ['admin'] };
const member: Caller = {
  kind: 'applicant',
  userId: '22222222-2222-4222-8222-222222222222',
  cboId: CBO,
};

function service() {
  const repository = fakeRepository<RecordNamesRepository>({
    names: jest.fn(async (cbos: string[]) =>
      cbos.map((id) => ({ type: 'cbo' as const, id, name: 'Prey Lang Community Network', nameKm: null })),
    ),
  });
  return { repository, records: new RecordNamesService(repository) };
}

describe('the names of records', () => {
  it('answers staff each CBO once, however often it is asked for', async () => {
    const { repository, records } = service();
    await expect(records.names(admin, { cbos: [CBO, CBO], partners: [] })).resolves.toEqual([
      { type: 'cbo', id: CBO, name: 'Prey Lang Community Network', nameKm: null },
    ]);
    expect(repository.names).toHaveBeenCalledWith([CBO], []);
  });

  it('refuses a CBO member and the public', async () => {
    const { repository, records } = service();
    await expect(records.names(member, { cbos: [CBO], partners: [] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(records.names(ANONYMOUS, { cbos: [CBO], partners: [] })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(repository.names).not.toHaveBeenCalled();
  });
});
