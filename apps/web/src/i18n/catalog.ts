import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Catalog = Record<string, unknown>;

/** The web app's folder: the server runs in it; tests run from the repository's root. */
function messagesRoot(): string {
  const here = join(process.cwd(), 'messages');
  return existsSync(here) ? here : join(process.cwd(), 'apps/web/messages');
}

const cache = new Map<string, Catalog>();

/**
 * A locale's messages: `messages/<locale>.json`, plus each `messages/<locale>/<namespace>.json`
 * mounted under its file name, so each area of the app keeps its own file.
 */
export function loadMessages(locale: string, root = messagesRoot()): Catalog {
  const cached = cache.get(`${root}:${locale}`);
  if (cached) return cached;
  const catalog = JSON.parse(readFileSync(join(root, `${locale}.json`), 'utf8')) as Catalog;
  const folder = join(root, locale);
  if (existsSync(folder)) {
    for (const file of readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const namespace = file.slice(0, -'.json'.length);
      if (namespace in catalog) throw new Error(`Message namespace ${namespace} is defined twice`);
      catalog[namespace] = JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown;
    }
  }
  if (process.env.NODE_ENV === 'production') cache.set(`${root}:${locale}`, catalog);
  return catalog;
}
