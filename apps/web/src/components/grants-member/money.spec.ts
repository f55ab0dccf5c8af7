import { latinDigits, moneyInput, parseCount, parseMoney } from './money';

describe('money as typed', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.07', 7],
    ['1,250.00', 125000],
    ['$ 12', 1200],
    ['១២.៥០', 1250],
    ['40000៛', 4000000],
    ['007', 700],
    ['12.', 1200],
  ])('reads %s as %d minor units', (typed, minor) => {
    expect(parseMoney(typed)).toBe(minor);
  });

  it('reads an empty field as nothing given', () => {
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('  ')).toBeNull();
  });

  it.each(['12.505', '-5', 'abc', '1e3', '12.5.0'])('refuses %s', (typed) => {
    expect(parseMoney(typed)).toBe('invalid');
  });

  it.each(['99999999999999', '10000000000.01', '១០០០០០០០០០០០០០០០០០០០'])('says %s is too large', (typed) => {
    expect(parseMoney(typed)).toBe('tooLarge');
  });

  it('never goes through a float: 0.29 and 1.15 are exact', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseMoney('0.29')).toBe(29);
    expect(parseMoney('1.15')).toBe(115);
    expect(parseMoney('4.35')).toBe(435);
  });

  it('writes minor units back for editing', () => {
    expect(moneyInput(1250)).toBe('12.50');
    expect(moneyInput(1200)).toBe('12');
    expect(moneyInput(7)).toBe('0.07');
    expect(moneyInput(null)).toBe('');
    for (const minor of [0, 1, 99, 100, 123456789]) expect(parseMoney(moneyInput(minor))).toBe(minor);
  });

  it('reads counts in either script', () => {
    expect(parseCount('១២')).toBe(12);
    expect(parseCount('')).toBeNull();
    expect(parseCount('1.5')).toBe('invalid');
    expect(latinDigits('ឆ្នាំ ២០២៦')).toBe('ឆ្នាំ 2026');
  });
});
