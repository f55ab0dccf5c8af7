import { hrefOf, localePath, pathWithoutLocale } from './paths';

const LOCALES = ['km', 'en'];

describe('paths of the app in a language', () => {
  it('puts the language first, the home page being the language alone', () => {
    expect(localePath('km', '/')).toBe('/km');
    expect(localePath('en', '/directory?q=x')).toBe('/en/directory?q=x');
  });

  it('writes a path and its query as one href', () => {
    expect(hrefOf({ pathname: '/sign-in', query: { next: '/cbos?q=a b' } })).toBe(
      '/sign-in?next=%2Fcbos%3Fq%3Da+b',
    );
    expect(hrefOf({ pathname: '/cbos' })).toBe('/cbos');
  });

  it('takes the language off the path the proxy passes on, keeping the query', () => {
    expect(pathWithoutLocale('/km/directory?issue=land&q=a?b', LOCALES)).toBe('/directory?issue=land&q=a?b');
    expect(pathWithoutLocale('/en', LOCALES)).toBe('/');
    expect(pathWithoutLocale('/grants.txt', LOCALES)).toBe('/grants.txt');
    expect(pathWithoutLocale(null, LOCALES)).toBe('/');
    expect(pathWithoutLocale('https://elsewhere.example/x', LOCALES)).toBe('/');
  });
});
