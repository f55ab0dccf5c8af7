import { z } from 'zod';
import { defineContract } from '../contract';
import provinces from '../reference/provinces.json';

export const Province = z.object({
  code: z.string(),
  name: z.string(),
  nameKm: z.string(),
});
export type Province = z.infer<typeof Province>;

/** The 25 provinces of Cambodia, with their codes and Khmer names. */
export const PROVINCES: readonly Province[] = Object.freeze(provinces.map((p) => Object.freeze({ ...p })));

const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [string, ...string[]];

export function isProvinceCode(code: string): boolean {
  return PROVINCE_CODES.includes(code);
}

export function findProvince(code: string): Province | undefined {
  return PROVINCES.find((p) => p.code === code);
}

export const ProvinceCode = z
  .enum(PROVINCE_CODES, { error: 'Choose a province from the list' })
  .describe('Province code from the reference list, e.g. KH-2 for Battambang');

export const listProvinces = defineContract({
  subject: 'network.province.list',
  request: z.object({}),
  response: z.object({ items: z.array(Province) }),
});
