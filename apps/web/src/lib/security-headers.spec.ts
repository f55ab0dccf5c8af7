import { securityHeaders } from './security-headers';

const named = (development: boolean) =>
  Object.fromEntries(securityHeaders(development).map(({ key, value }) => [key, value]));

describe('the headers of every page', () => {
  it('enforce a policy without eval on the built site', () => {
    const built = named(false);
    expect(built['Content-Security-Policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(built['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(built['Content-Security-Policy-Report-Only']).toBeUndefined();
  });

  it("only report under next dev, where React's development build calls eval, and never allow eval", () => {
    const dev = named(true);
    expect(dev['Content-Security-Policy']).toBeUndefined();
    expect(dev['Content-Security-Policy-Report-Only']).toBe(named(false)['Content-Security-Policy']);
    expect(dev['Content-Security-Policy-Report-Only']).not.toContain('unsafe-eval');
  });

  it('keep the other protections in both', () => {
    for (const development of [false, true]) {
      expect(named(development)).toMatchObject({
        'X-Frame-Options': 'DENY',
        'X-Content-Type-Options': 'nosniff',
      });
    }
  });
});
