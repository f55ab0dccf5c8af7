import { formatMoney, fromMinor, latinDigits, toMinor } from './money';

describe('money typed in the grant console', () => {
  it('reads an amount with up to two decimals as whole minor units', () => {
    expect(toMinor('1250.50')).toBe(125050);
    expect(toMinor('1,250.5')).toBe(125050);
    expect(toMinor('1000')).toBe(100000);
    expect(toMinor(' 0.07 ')).toBe(7);
    expect(toMinor('$25,000.00')).toBe(2500000);
  });

  it('reads Khmer digits as the same amount', () => {
    expect(latinDigits('១២៣')).toBe('123');
    expect(toMinor('១០០០.៥០')).toBe(100050);
  });

  it('never goes through a float: 0.29 and 1.15 are exact', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(toMinor('0.29')).toBe(29);
    expect(toMinor('1.15')).toBe(115);
    expect(toMinor('9999999999.99')).toBe(999999999999);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '-5', '1.234', '1.2.3', '12e3', '0x10', '.5'])
      expect(toMinor(text)).toBeUndefined();
  });

  it('writes minor units back with two decimals and no separators', () => {
    expect(fromMinor(125050)).toBe('1250.50');
    expect(fromMinor(7)).toBe('0.07');
    expect(fromMinor(0)).toBe('0.00');
    expect(toMinor(fromMinor(999999999999))).toBe(999999999999);
  });

  it("shows an amount the same way in every runtime, in the reader's digits", () => {
    expect(formatMoney('en', 125050, 'USD')).toBe('$1,250.50');
    expect(formatMoney('km', 624000, 'USD')).toBe('$៦,២៤០.០០');
    expect(formatMoney('en', 7, 'USD')).toBe('$0.07');
    expect(formatMoney('en', -125050, 'USD')).toBe('-$1,250.50');
    expect(formatMoney('en', 500_000, 'KHR')).toBe('5,000៛');
    expect(formatMoney('km', 500_050, 'KHR')).toBe('៥,០០០.៥០៛');
    expect(formatMoney('km', 99_999_999_999_900, 'USD')).toBe('$៩៩៩,៩៩៩,៩៩៩,៩៩៩.០០');
  });
});
