/** The request header in which the proxy hands a page its own path and query (for the language links). */
export const PATH_HEADER = 'x-bandanh-path';
