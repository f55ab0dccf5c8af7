import type { Province } from '@bandanh/contracts';

/** A province's name in the reader's language. */
export function provinceName(province: Province | undefined, locale: string): string {
  if (!province) return '';
  return locale === 'km' ? province.nameKm : province.name;
}
