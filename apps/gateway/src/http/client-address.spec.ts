import { CLIENT_ADDRESS_HEADER, WEB_KEY_HEADER, clientAddressOf, limitKeyOf } from './client-address';

const SECRET = 'a-web-proxy-secret-of-forty-three-characters';

describe('the client address', () => {
  it("is the address the web names when it shows the web's secret", () => {
    const headers = { [WEB_KEY_HEADER]: SECRET, [CLIENT_ADDRESS_HEADER]: '203.0.113.7' };
    expect(clientAddressOf(headers, '10.0.0.2', SECRET)).toBe('203.0.113.7');
  });

  it('is the socket address without the secret, with a wrong one, or when the gateway has none', () => {
    const claimed = { [CLIENT_ADDRESS_HEADER]: '203.0.113.7' };
    expect(clientAddressOf(claimed, '10.0.0.2', SECRET)).toBe('10.0.0.2');
    expect(clientAddressOf({ ...claimed, [WEB_KEY_HEADER]: `${SECRET}x` }, '10.0.0.2', SECRET)).toBe(
      '10.0.0.2',
    );
    expect(clientAddressOf({ ...claimed, [WEB_KEY_HEADER]: '' }, '10.0.0.2', undefined)).toBe('10.0.0.2');
  });

  it('is the socket address when what the web names is not an IP address', () => {
    for (const claimed of ['', 'localhost', '203.0.113.7, 198.51.100.1', '999.1.1.1']) {
      const headers = { [WEB_KEY_HEADER]: SECRET, [CLIENT_ADDRESS_HEADER]: claimed };
      expect(clientAddressOf(headers, '10.0.0.2', SECRET)).toBe('10.0.0.2');
    }
  });
});

describe('what a client is counted under', () => {
  it('is an IPv4 address itself, also when it comes IPv4-mapped', () => {
    expect(limitKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it("is an IPv6 address's /64, however it is written", () => {
    expect(limitKeyOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(limitKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(limitKeyOf('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
  });
});
