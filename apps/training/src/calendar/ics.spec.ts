import { escapeText, foldLine, icsCalendar, utc } from './ics';

describe('the iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('Hall; room 2, upstairs\\back\nline')).toBe(
      'Hall\\; room 2\\, upstairs\\\\back\\nline',
    );
  });

  it('writes instants in UTC', () => {
    expect(utc('2036-02-08T09:00:00+07:00')).toBe('20360208T020000Z');
  });

  it('folds lines at 75 octets without splitting a Khmer character', () => {
    const line = `SUMMARY:${'សិទ្ធិមនុស្ស '.repeat(8)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const [index, part] of folded.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
    }
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('writes a calendar of events with stable ids, CRLF line ends and a cancelled status', () => {
    const ics = icsCalendar('Training', [
      {
        uid: 'training-session-1@bandanh',
        start: '2036-02-08T02:00:00.000Z',
        end: '2036-02-08T05:00:00.000Z',
        summary: 'Human rights',
        location: 'Hall, Svay Por',
        stamp: '2036-01-01T00:00:00.000Z',
        cancelled: true,
      },
    ]);
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Bandanh//Training//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Training',
      'X-WR-TIMEZONE:Asia/Phnom_Penh',
      'BEGIN:VEVENT',
      'UID:training-session-1@bandanh',
      'DTSTAMP:20360101T000000Z',
      'LAST-MODIFIED:20360101T000000Z',
      'SEQUENCE:0',
      'DTSTART:20360208T020000Z',
      'DTEND:20360208T050000Z',
      'SUMMARY:Human rights',
      'LOCATION:Hall\\, Svay Por',
      'STATUS:CANCELLED',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });
});
