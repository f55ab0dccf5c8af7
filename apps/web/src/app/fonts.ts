import localFont from 'next/font/local';

// Noto Sans Khmer, shipped with the app (the @fontsource files), in two faces: its Khmer letters
// and its Latin ones. Preloaded, and shown only when they are there in time for the first paint
// (`optional`): otherwise the page keeps the phone's own font rather than jump when the web font
// arrives; the next page has it from the cache.

/** The Khmer letters (the site's language): preloaded on every page. */
export const khmerFont = localFont({
  src: [
    {
      path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2',
      weight: '400',
      style: 'normal',
    },
    {
      path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff2',
      weight: '700',
      style: 'normal',
    },
  ],
  display: 'optional',
  declarations: [{ prop: 'unicode-range', value: 'U+1780-17FF,U+19E0-19FF,U+200C-200D,U+25CC' }],
  adjustFontFallback: false,
  variable: '--font-khmer',
});

/** Its Latin letters, digits and punctuation. */
export const latinFont = localFont({
  src: [
    {
      path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-latin-400-normal.woff2',
      weight: '400',
      style: 'normal',
    },
    {
      path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-latin-700-normal.woff2',
      weight: '700',
      style: 'normal',
    },
  ],
  display: 'optional',
  adjustFontFallback: false,
  variable: '--font-latin',
});

/** The class that gives `<html>` both faces (as `--font-khmer` and `--font-latin`). */
export const fontClasses = `${khmerFont.variable} ${latinFont.variable}`;
