import { directoryHref, filtersFrom } from './filters';

describe('the directory filters', () => {
  it('reads the search words, the province, the issue and the page of a URL', () => {
    expect(filtersFrom({ q: '  ទន្លេ ', province: 'KH-2', issue: 'land', page: '3' })).toEqual({
      q: 'ទន្លេ',
      province: 'KH-2',
      issue: 'land',
      page: 3,
    });
  });

  it('drops what the API would refuse instead of failing the page', () => {
    expect(filtersFrom({ q: 'x'.repeat(300), province: 'KH-99', issue: 'weather', page: '-2' })).toEqual({
      q: 'x'.repeat(100),
      province: '',
      issue: '',
      page: 1,
    });
    expect(filtersFrom({ page: 'two' }).page).toBe(1);
    expect(filtersFrom({ q: ['first', 'second'] }).q).toBe('first');
  });

  it('keeps the filters in the links to other pages, and leaves out what is not set', () => {
    const filters = filtersFrom({ q: 'ដី ស្រែ', province: 'KH-17' });
    const [path, search] = directoryHref(filters, 2).split('?');
    expect(path).toBe('/directory');
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      q: 'ដី ស្រែ',
      province: 'KH-17',
      page: '2',
    });
    expect(directoryHref(filters, 1)).not.toContain('page=');
    expect(directoryHref(filtersFrom({}), 1)).toBe('/directory');
  });
});
