/** One numeral style per language: Khmer digits in Khmer, Latin digits in English. */
export function numberingSystemOf(locale: string): 'khmr' | 'latn' {
  return locale === 'km' ? 'khmr' : 'latn';
}
