import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMessages } from './catalog';
import { pickMessages } from './pick-messages';

const APP = join(__dirname, '../app');

/** Every `layout.tsx` of the app with the message paths it sends to the browser. */
function layoutsWithMessages(): Array<[string, string[]]> {
  const found: Array<[string, string[]]> = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name === 'layout.tsx') {
        const list = /messagesLayout\(\[([^\]]*)\]/.exec(readFileSync(path, 'utf8'))?.[1];
        if (list) found.push([path.slice(APP.length + 1), [...list.matchAll(/'([^']+)'/g)].map((m) => m[1])]);
      }
    }
  };
  visit(APP);
  return found;
}

describe('the messages each section sends to the browser', () => {
  const layouts = layoutsWithMessages();

  it('are named in the layouts of the sections with client forms', () => {
    expect(layouts.map(([path]) => path)).toEqual(
      expect.arrayContaining(['[locale]/(auth)/sign-up/layout.tsx']),
    );
  });

  it.each(['km', 'en'])('exist in the %s catalog', (locale) => {
    const catalog = loadMessages(locale);
    for (const [, paths] of layouts) expect(() => pickMessages(catalog, paths)).not.toThrow();
  });
});
