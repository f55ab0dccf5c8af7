import { PROVINCES } from '@bandanh/contracts';
import { ProvincesService } from './provinces.service';

describe('the provinces', () => {
  it('are the 25 provinces of Cambodia, each with its code and Khmer name', () => {
    const provinces = new ProvincesService().list();
    expect(provinces).toHaveLength(25);
    expect(provinces).toEqual([...PROVINCES]);
    expect(provinces).toContainEqual({ code: 'KH-2', name: 'Battambang', nameKm: expect.any(String) });
  });
});
