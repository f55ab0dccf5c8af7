import { trustedProxiesFrom, visitorAddress } from './visitor-address';

describe("the visitor's address the web names to the gateway", () => {
  it("is the socket's address Next put in X-Forwarded-For when the web faces visitors itself", () => {
    expect(visitorAddress('203.0.113.7', 0)).toBe('203.0.113.7');
    expect(visitorAddress('::ffff:203.0.113.7', 0)).toBe('::ffff:203.0.113.7');
  });

  it('is the entry our outermost proxy appended, not what the visitor wrote before it', () => {
    expect(visitorAddress('1.2.3.4, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(visitorAddress('1.2.3.4, 203.0.113.7, 10.0.0.5', 2)).toBe('203.0.113.7');
    expect(visitorAddress('203.0.113.7', 2)).toBe('203.0.113.7');
  });

  it('drops a port and brackets, and is nothing for what is not an address', () => {
    expect(visitorAddress('[2001:db8::1]:443', 1)).toBe('2001:db8::1');
    expect(visitorAddress('203.0.113.7:5060', 1)).toBe('203.0.113.7');
    expect(visitorAddress('unknown', 1)).toBeUndefined();
    expect(visitorAddress('', 0)).toBeUndefined();
    expect(visitorAddress(null, 0)).toBeUndefined();
  });

  it('reads WEB_TRUSTED_PROXIES as a count, 0 when unset or wrong', () => {
    expect(trustedProxiesFrom(undefined)).toBe(0);
    expect(trustedProxiesFrom('2')).toBe(2);
    expect(trustedProxiesFrom('-1')).toBe(0);
    expect(trustedProxiesFrom('one')).toBe(0);
  });
});
