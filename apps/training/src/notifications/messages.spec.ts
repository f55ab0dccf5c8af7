import { NotificationKey } from '@bandanh/contracts';
import { notificationKey, placeParams } from './messages';

describe("the training service's messages", () => {
  it('makes keys the channel accepts, one per event and recipient', () => {
    const key = notificationKey('training-reminder', 'training-session-ABC:remind:3 days:0', 'user-1');
    expect(key).toBe('training-reminder:training-session-abc:remind:3-days:0:user-1');
    expect(NotificationKey.safeParse(key).success).toBe(true);
    expect(NotificationKey.safeParse(notificationKey('a', 'b')).success).toBe(true);
    const long = notificationKey('training-moved', 'x'.repeat(300), 'user-1');
    const other = notificationKey('training-moved', 'x'.repeat(300), 'user-2');
    expect(long.length).toBeLessThanOrEqual(150);
    expect(NotificationKey.safeParse(long).success).toBe(true);
    expect(long).not.toBe(other);
  });

  it('says the place in both languages, and online as its code', () => {
    expect(placeParams({ kind: 'online' })).toEqual({ place: 'place:online' });
    expect(
      placeParams({
        kind: 'place',
        provinceCode: 'KH-17',
        district: 'Puok',
        commune: 'Puok',
        place: 'Pagoda',
      }),
    ).toEqual({ placeKm: 'Pagoda, Puok, Puok, សៀមរាប', placeEn: 'Pagoda, Puok, Puok, Siem Reap' });
  });
});
