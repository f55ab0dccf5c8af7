import { APPLICATION_STAGES } from '@bandanh/contracts/constants';

/** The round page's address bar: its filters, how it sorts and which page. */
export interface ListSearch {
  stage?: string | string[];
  province?: string | string[];
  q?: string | string[];
  sort?: string | string[];
  page?: string | string[];
  saved?: string | string[];
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

type Stage = (typeof APPLICATION_STAGES)[number];

/**
 * The list's query for the API, from what the address bar holds: an unknown stage or province
 * is left out rather than refused (the API would refuse it), words are cut to 100 characters.
 */
export function listQueryOf(search: ListSearch) {
  const stage = one(search.stage);
  const provinceCode = one(search.province);
  const q = one(search.q)?.trim().slice(0, 100);
  const page = Number(one(search.page));
  return {
    query: {
      stage: (APPLICATION_STAGES as readonly string[]).includes(stage ?? '') ? (stage as Stage) : undefined,
      provinceCode: provinceCode && /^KH-\d{1,2}$/.test(provinceCode) ? provinceCode : undefined,
      q: q || undefined,
    },
    sort: one(search.sort) === 'score' ? ('score' as const) : ('recent' as const),
    page: Number.isInteger(page) && page > 0 && page < 10_000 ? page : 0,
  };
}
