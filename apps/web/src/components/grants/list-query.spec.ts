import { listQueryOf } from './list-query';

describe("the round page's list", () => {
  it('reads its filters from the address bar, leaving out what the API would refuse', () => {
    expect(
      listQueryOf({ stage: 'review', province: 'KH-12', q: '  water ', sort: 'score', page: '2' }),
    ).toEqual({
      query: { stage: 'review', provinceCode: 'KH-12', q: 'water' },
      sort: 'score',
      page: 2,
    });
    expect(listQueryOf({ stage: 'nonsense', province: 'Phnom Penh', q: '', page: '-1' })).toEqual({
      query: { stage: undefined, provinceCode: undefined, q: undefined },
      sort: 'recent',
      page: 0,
    });
  });
});
