import en from '../../messages/en.json';
import km from '../../messages/km.json';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the message catalogs', () => {
  it('have the same keys in Khmer and English', () => {
    expect(keys(km).sort()).toEqual(keys(en).sort());
  });

  it('have no empty message', () => {
    for (const catalog of [en, km]) {
      const empty = keys(catalog).filter((key) => {
        const value = key.split('.').reduce<any>((node, part) => node[part], catalog);
        return String(value).trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('write the Khmer catalog in Khmer script', () => {
    expect(km.nav.cbos).toMatch(/[\u1780-\u17FF]/);
    expect(km.form.errors.nameRequired).toMatch(/[\u1780-\u17FF]/);
  });
});
