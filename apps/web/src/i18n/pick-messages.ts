type Messages = Record<string, unknown>;

const isBranch = (value: unknown): value is Messages =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The part of a catalog under each path (`apply`, `account.working`), nested as in the catalog,
 * so client components read it with the same keys. A path the catalog lacks is a mistake in the
 * code, not in a message: it throws rather than ship a page that shows message keys.
 */
export function pickMessages(catalog: Messages, paths: readonly string[]): Messages {
  let picked: Messages = {};
  for (const path of paths) {
    const parts = path.split('.');
    const value = parts.reduce<unknown>((node, part) => (isBranch(node) ? node[part] : undefined), catalog);
    if (value === undefined) throw new Error(`No messages at ${path}`);
    picked = mergeMessages(
      picked,
      parts.reduceRight<Messages>((inner, part) => ({ [part]: inner }), value as Messages),
    );
  }
  return picked;
}

/** `more` laid over `base`, branch by branch: `{ account: { working } }` keeps `account.errors`. */
export function mergeMessages(base: Messages, more: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [key, value] of Object.entries(more)) {
    const under = merged[key];
    merged[key] = isBranch(under) && isBranch(value) ? mergeMessages(under, value) : value;
  }
  return merged;
}
