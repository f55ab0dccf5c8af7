import { BOM, csvCell, csvRow } from './csv';

describe('the CSV export', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('Water for Prey Veng')).toBe('Water for Prey Veng');
    expect(csvCell(125050)).toBe('125050');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('keeps Khmer text intact', () => {
    expect(csvCell('អង្គការសហគមន៍')).toBe('អង្គការសហគមន៍');
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('ends each row with CRLF and starts the file with a byte order mark', () => {
    expect(csvRow(['a', 1, '=x'])).toBe("a,1,'=x\r\n");
    expect(BOM).toBe('\uFEFF');
  });
});
