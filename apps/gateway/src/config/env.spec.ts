import { loadGatewayConfig } from './env';

describe("the gateway's configuration", () => {
  it('limits public writes to 20 a minute per address unless told otherwise', () => {
    const config = loadGatewayConfig({});
    expect(config.PUBLIC_WRITE_LIMIT).toBe(20);
    expect(config.PUBLIC_WRITE_WINDOW).toBe(60_000);
    expect(config.WEB_PROXY_SECRET).toBeUndefined();
    expect(loadGatewayConfig({ PUBLIC_WRITE_LIMIT: '5', PUBLIC_WRITE_WINDOW: '90s' })).toMatchObject({
      PUBLIC_WRITE_LIMIT: 5,
      PUBLIC_WRITE_WINDOW: 90_000,
    });
  });

  it('names a wrong limit, window or web secret, never its value', () => {
    expect(() => loadGatewayConfig({ PUBLIC_WRITE_WINDOW: 'soon' })).toThrow(/PUBLIC_WRITE_WINDOW/);
    expect(() => loadGatewayConfig({ PUBLIC_WRITE_LIMIT: '0' })).toThrow(/PUBLIC_WRITE_LIMIT/);
    expect(() => loadGatewayConfig({ WEB_PROXY_SECRET: 'short-secret' })).toThrow(
      /WEB_PROXY_SECRET must be at least 32 characters/,
    );
    expect(() => loadGatewayConfig({ WEB_PROXY_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });
});
