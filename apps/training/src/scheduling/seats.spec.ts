import { entry } from './scheduling.factories';
import { allocateSeats, inviteOrder, promoteFromWaitlist, type SeatEntry, type SeatSnapshot } from './seats';

const snapshot = (overrides: Partial<SeatSnapshot> = {}): SeatSnapshot => ({
  capacity: 2,
  perCboLimit: 2,
  confirmed: [],
  waitlist: [],
  ...overrides,
});

/** What the database layer does: decide each request in turn on the snapshot so far, and apply it. */
function applyInTurn(start: SeatSnapshot, requests: SeatEntry[]) {
  let state = start;
  for (const request of requests) {
    const decision = allocateSeats({ ...state, request });
    if (decision.outcome === 'confirmed' && decision.created) {
      state = { ...state, confirmed: [...state.confirmed, request] };
    } else if (decision.outcome === 'waitlisted' && decision.created) {
      state = { ...state, waitlist: [...state.waitlist, request] };
    }
  }
  return state;
}

describe('allocateSeats', () => {
  it('confirms when a seat is free and the CBO is under its limit', () => {
    expect(allocateSeats({ ...snapshot(), request: entry('m1', 'cbo-a') })).toEqual({
      outcome: 'confirmed',
      created: true,
    });
  });

  it('waitlists at the end when the session is full', () => {
    const full = snapshot({
      confirmed: [entry('m1', 'cbo-a'), entry('m2', 'cbo-b')],
      waitlist: [entry('m3', 'cbo-c')],
    });
    expect(allocateSeats({ ...full, request: entry('m4', 'cbo-d') })).toEqual({
      outcome: 'waitlisted',
      position: 2,
      created: true,
    });
  });

  it('orders the waitlist by request time, not by the order of the rows', () => {
    const full = snapshot({
      confirmed: [entry('m1', 'cbo-a'), entry('m2', 'cbo-b')],
      waitlist: [entry('m3', 'cbo-c', '2026-12-02T10:00:00Z'), entry('m4', 'cbo-c', '2026-12-02T09:00:00Z')],
    });
    expect(allocateSeats({ ...full, request: entry('m4', 'cbo-c') })).toEqual({
      outcome: 'waitlisted',
      position: 1,
      created: false,
    });
    expect(allocateSeats({ ...full, request: entry('m5', 'cbo-d', '2026-12-02T09:30:00Z') })).toMatchObject({
      position: 2,
    });
  });

  it('refuses a CBO at its limit of confirmed seats, even when seats are free', () => {
    const limited = snapshot({
      capacity: 10,
      perCboLimit: 2,
      confirmed: [entry('m1', 'cbo-a'), entry('m2', 'cbo-a')],
    });
    expect(allocateSeats({ ...limited, request: entry('m3', 'cbo-a') })).toEqual({
      outcome: 'refused',
      reason: 'cbo_limit_reached',
    });
    expect(allocateSeats({ ...limited, request: entry('m4', 'cbo-b') })).toEqual({
      outcome: 'confirmed',
      created: true,
    });
  });

  it('lets a CBO under its limit wait in a full session', () => {
    const full = snapshot({ capacity: 1, perCboLimit: 2, confirmed: [entry('m1', 'cbo-a')] });
    expect(allocateSeats({ ...full, request: entry('m2', 'cbo-a') })).toMatchObject({
      outcome: 'waitlisted',
    });
  });

  it('has no CBO limit when the limit is null', () => {
    const open = snapshot({
      capacity: 5,
      perCboLimit: null,
      confirmed: [entry('m1', 'cbo-a'), entry('m2', 'cbo-a')],
    });
    expect(allocateSeats({ ...open, request: entry('m3', 'cbo-a') })).toEqual({
      outcome: 'confirmed',
      created: true,
    });
  });

  it('answers a member who already holds a seat the same, creating nothing, even at the limit', () => {
    const held = snapshot({ capacity: 1, perCboLimit: 1, confirmed: [entry('m1', 'cbo-a')] });
    expect(allocateSeats({ ...held, request: entry('m1', 'cbo-a') })).toEqual({
      outcome: 'confirmed',
      created: false,
    });
  });

  it('gives exactly ten seats and ten waitlist places to twenty confirming for ten', () => {
    const requests = Array.from({ length: 20 }, (_, i) => entry(`member-${i}`, `cbo-${i % 10}`));
    const end = applyInTurn(snapshot({ capacity: 10, perCboLimit: 2 }), [...requests, ...requests]);
    expect(end.confirmed.map((e) => e.memberId)).toEqual(requests.slice(0, 10).map((e) => e.memberId));
    expect(end.waitlist.map((e) => e.memberId)).toEqual(requests.slice(10).map((e) => e.memberId));
  });
});

describe('promoteFromWaitlist', () => {
  it('promotes the first waitlisted entry when a seat frees', () => {
    const first = entry('m3', 'cbo-c');
    const freed = snapshot({ confirmed: [entry('m1', 'cbo-a')], waitlist: [first, entry('m4', 'cbo-d')] });
    expect(promoteFromWaitlist(freed)).toEqual([first]);
  });

  it('skips entries whose CBO is at its limit', () => {
    const skipped = entry('m3', 'cbo-a');
    const next = entry('m4', 'cbo-b');
    const freed = snapshot({
      capacity: 2,
      perCboLimit: 1,
      confirmed: [entry('m1', 'cbo-a')],
      waitlist: [skipped, next],
    });
    expect(promoteFromWaitlist(freed)).toEqual([next]);
  });

  it('counts each promotion against the CBO limit', () => {
    const a1 = entry('m2', 'cbo-a');
    const a2 = entry('m3', 'cbo-a');
    const b1 = entry('m4', 'cbo-b');
    const larger = snapshot({ capacity: 3, perCboLimit: 1, waitlist: [a1, a2, b1] });
    expect(promoteFromWaitlist(larger)).toEqual([a1, b1]);
  });

  it('fills every free seat in request order', () => {
    const late = entry('m4', 'cbo-d', '2026-12-03T00:00:00Z');
    const early = entry('m3', 'cbo-c', '2026-12-02T00:00:00Z');
    expect(
      promoteFromWaitlist(
        snapshot({ capacity: 3, confirmed: [entry('m1', 'cbo-a')], waitlist: [late, early] }),
      ),
    ).toEqual([early, late]);
  });

  it('promotes nobody while the session is full, or a member already seated', () => {
    const seated = entry('m1', 'cbo-a');
    expect(
      promoteFromWaitlist(snapshot({ capacity: 1, confirmed: [seated], waitlist: [entry('m2', 'cbo-b')] })),
    ).toEqual([]);
    expect(promoteFromWaitlist(snapshot({ capacity: 2, confirmed: [seated], waitlist: [seated] }))).toEqual(
      [],
    );
  });
});

describe('inviteOrder', () => {
  const member = (
    memberId: string,
    cboName: string,
    provinceCode: string,
    completedModuleIds: string[] = [],
  ) => ({
    memberId,
    cboId: `cbo-${cboName}`,
    cboName,
    provinceCode,
    completedModuleIds,
  });

  it('invites those who have not completed the module, the province first, by CBO name', () => {
    const members = [
      member('m1', 'Fishers of Tonle Sap', 'KH-17'),
      member('m2', 'Battambang Farmers', 'KH-2', ['human_rights']),
      member('m3', 'Women of Ek Phnom', 'KH-2'),
      member('m4', 'Angkor Land Rights', 'KH-17'),
      member('m5', 'Coop Sangke', 'KH-2'),
      member('m6', 'Coop Sangke', 'KH-2'),
    ];
    const order = inviteOrder(members, { moduleId: 'human_rights', provinceCode: 'KH-2' });
    expect(order.map((m) => m.memberId)).toEqual(['m5', 'm6', 'm3', 'm4', 'm1']);
  });

  it('keeps the given order within a CBO', () => {
    const members = [member('m9', 'Same', 'KH-2'), member('m1', 'Same', 'KH-2')];
    expect(
      inviteOrder(members, { moduleId: 'advocacy', provinceCode: 'KH-2' }).map((m) => m.memberId),
    ).toEqual(['m9', 'm1']);
  });

  it('orders everyone by CBO name for an online session', () => {
    const members = [member('m1', 'B', 'KH-2'), member('m2', 'A', 'KH-17')];
    expect(inviteOrder(members, { moduleId: 'advocacy', provinceCode: null }).map((m) => m.memberId)).toEqual(
      ['m2', 'm1'],
    );
  });
});
