import { loadGatewayConfig, parseDuration } from './env';

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

  it('reads durations as the orchestrator writes them', () => {
    expect(parseDuration('1 minute')).toBe(60_000);
    expect(parseDuration('2 minutes')).toBe(120_000);
    expect(parseDuration('36h')).toBe(36 * 3_600_000);
    expect(parseDuration('3 days')).toBe(3 * 86_400_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2s')).toBe(2_000);
    expect(parseDuration('1.5 hours')).toBe(5_400_000);
    for (const wrong of ['', 'soon', '0s', '10', '5 fortnights', '-1 minute', 'constructor'])
      expect(parseDuration(wrong)).toBeUndefined();
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
