import { FOCUS_ISSUES, isProvinceCode, type FocusIssue } from '@bandanh/contracts';

export const PAGE_SIZE = 20;

/** What the directory's search form asks for, read from the page's URL. */
export interface DirectoryFilters {
  q: string;
  province: string;
  issue: FocusIssue | '';
  page: number;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * The filters of a directory URL. Anything the API would refuse (an unknown province or issue,
 * a page that is not a number) is dropped rather than shown as an error: the URL may have been
 * typed, shared or cut short.
 */
export function filtersFrom(params: SearchParams): DirectoryFilters {
  const province = first(params.province);
  const issue = first(params.issue);
  const page = Number.parseInt(first(params.page), 10);
  return {
    q: first(params.q).trim().slice(0, 100),
    province: isProvinceCode(province) ? province : '',
    issue: (FOCUS_ISSUES as readonly string[]).includes(issue) ? (issue as FocusIssue) : '',
    page: Number.isFinite(page) && page > 1 ? Math.min(page, 50_000) : 1,
  };
}

/** The directory's path (without the locale) for these filters at `page`, with only what is set. */
export function directoryHref({ q, province, issue }: DirectoryFilters, page: number): string {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (province) query.set('province', province);
  if (issue) query.set('issue', issue);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search ? `/directory?${search}` : '/directory';
}
