import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF } from '../../gateway/test/stack';
import { addDays, mondayOf, todayInPhnomPenh } from '../src/components/training/time';
import { api, freshCode, newPage, signInOnPage, useWebRig, contentWidth } from './browser';
import { pdfPages } from './pdf-text';

const SHOTS = process.env.SCREENSHOT_DIR;
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
const KHMER = /[\u1780-\u17FF]/;
const UUID = '[0-9a-f-]{36}';

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `staff-${name}.png`), fullPage: true });
}

/**
 * The trainer console: a trainer finds a free slot and schedules a session (a second one at the
 * same time is refused in plain words), sees it in the list and the week, keeps their
 * availability and calendar feed; the attendance sheet works on a 360 px phone in Khmer, and the
 * printable sign-in sheet carries the Khmer names as text.
 */
describe('the trainer console: slots, scheduling, the week, availability and the attendance sheet', () => {
  const rig = useWebRig('web-training');
  const tokens: Record<string, string> = {};
  let trainerId: string;
  // A Monday two weeks ahead, in Phnom Penh: far enough that the whole day is in the future.
  const target = addDays(mondayOf(todayInPhnomPenh()), 14);

  const call = <T = any>(who: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    api<T>(rig.stack.gatewayUrl, path, {
      token: tokens[who],
      ...init,
      headers: init.method === 'POST' ? { 'idempotency-key': randomUUID() } : {},
    });

  beforeAll(async () => {
    for (const role of ['coordinator', 'trainer', 'assessor'] as const) {
      tokens[role] = await rig.stack.tokenFor(STAFF[role]);
    }
    tokens.approver = await rig.stack.tokenFor(STAFF.approver);
    trainerId = (await call('trainer', '/api/auth/me')).body.account.id;
    // The trainer teaches human rights in Battambang, and is free all day, every day.
    const saved = await call('coordinator', `/api/training/trainers/${trainerId}`, {
      method: 'PUT',
      body: {
        moduleIds: ['human_rights', 'advocacy'],
        provinceCodes: ['KH-2'],
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
        exceptions: [],
      },
    });
    expect(saved.status).toBe(200);
  });

  /** Opens a page as `account`: the web sends the browser to sign in first, then back. */
  async function openAs(page: Page, account: (typeof STAFF)[keyof typeof STAFF], path: string) {
    await page.goto(`${rig.web.url}${path}`);
    await signInOnPage(page, account);
    await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  }

  let sessionId: string;

  it('a trainer finds a slot, schedules it, and is refused a second session at the same time', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    await openAs(page, STAFF.trainer, '/en/training/sessions/new');

    const search = page.locator('[data-slot-search]');
    await search.getByLabel('Module').selectOption('human_rights');
    await search.getByLabel('Province').selectOption('KH-2');
    await search.getByLabel('From').fill(target);
    await search.getByLabel('To').fill(target);
    await search.getByRole('button', { name: 'Find free slots' }).click();
    const slot = page.locator('[data-slots] li').first();
    await slot.waitFor();
    // The first free slot of the day starts at midnight, Phnom Penh time, and is the trainer's.
    const use = slot.getByRole('link', { name: 'Use with Test trainer' });
    const slotHref = (await use.getAttribute('href')) ?? '';
    await use.click();
    await page.locator('[data-slot-chosen]').waitFor();

    const form = page.locator('[data-schedule-form]');
    await expect(form.getByLabel('Day').inputValue()).resolves.toBe(target);
    await expect(form.getByLabel('Module').inputValue()).resolves.toBe('human_rights');
    await expect(form.getByLabel('Trainer').inputValue()).resolves.toBe(trainerId);
    // A slot at 08:00 reads better in a screenshot than one at midnight.
    await form.getByLabel('Starts at').fill('08:00');
    await form.getByLabel('Ends at').fill('12:00');
    await form.getByLabel('District').fill('Battambang');
    await form.getByLabel('Commune').fill('Svay Por');
    await form.getByLabel('Place (hall, pagoda, office)').fill('Commune hall');
    await form.getByRole('button', { name: 'Schedule the session' }).click();
    await page.waitForURL(new RegExp(`/en/training/sessions/(${UUID})\\?scheduled=1`));
    sessionId = /sessions\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByText('The session is scheduled.', { exact: false }).waitFor();
    await expect(page.locator('[data-venue]').textContent()).resolves.toBe(
      'Commune hall, Svay Por, Battambang, Battambang',
    );
    await expect(page.locator('[data-trainers]').textContent()).resolves.toBe('Test trainer');
    await shot(page, 'session-en');

    // The same trainer, the same morning, another place: double-booked, said beside the form.
    await page.goto(`${rig.web.url}${slotHref}`);
    const again = page.locator('[data-schedule-form]');
    await again.getByLabel('Starts at').fill('09:00');
    await again.getByLabel('Ends at').fill('11:00');
    await again.getByLabel('District').fill('Battambang');
    await again.getByLabel('Commune').fill('Ou Char');
    await again.getByLabel('Place (hall, pagoda, office)').fill('Pagoda');
    await again.getByRole('button', { name: 'Schedule the session' }).click();
    const refusals = page.locator('[data-refusals]');
    await refusals.getByText('Test trainer already teaches another session at this time.').waitFor();
    await page.getByText('The rules refuse this session: see why beside the form.').waitFor();
    expect(await refusals.getByRole('link', { name: 'See that session' }).getAttribute('href')).toBe(
      `/en/training/sessions/${sessionId}`,
    );
    // What was typed is kept, and nothing was scheduled.
    await expect(again.getByLabel('Place (hall, pagoda, office)').inputValue()).resolves.toBe('Pagoda');
    const listed = await call<{ items: Array<{ id: string }> }>(
      'trainer',
      `/api/training/sessions?trainerId=${trainerId}`,
    );
    expect(listed.body.items.map((s) => s.id)).toEqual([sessionId]);
    await shot(page, 'schedule-refused-en');
    await context.close();
  });

  it('shows the session in the list and in its week, moving week by week with plain links', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    // A trainer lands on their sessions after signing in.
    await page.goto(`${rig.web.url}/en/sign-in`);
    await signInOnPage(page, STAFF.trainer);
    await page.waitForURL((url) => url.pathname === '/en/training');
    await page.getByRole('heading', { name: 'My sessions' }).waitFor();
    const item = page.locator(`[data-sessions] li[data-session-id="${sessionId}"]`);
    await expect(item.locator('[data-session-status]').textContent()).resolves.toBe('Scheduled');
    await expect(item.locator('[data-seats]').textContent()).resolves.toBe('0 of 20 seats taken');
    // The email telling the trainer of the session to teach is in the web too, under the list.
    const assigned = await waitFor(
      async () => {
        await page.reload();
        const found = page.locator('[data-my-notifications] [data-notification-kind="training_assigned"]');
        return (await found.count()) > 0 ? found.first() : undefined;
      },
      { timeoutMs: 30_000, what: "the trainer's message about the session" },
    );
    await expect(assigned.textContent()).resolves.toContain('Training session to teach');
    await shot(page, 'list-en');

    await page.getByRole('link', { name: 'Week', exact: true }).click();
    await page.waitForURL(/view=week/);
    const thisWeek = mondayOf(todayInPhnomPenh());
    await page.locator(`[data-week="${thisWeek}"]`).waitFor();
    for (let week = addDays(thisWeek, 7); week <= target; week = addDays(week, 7)) {
      await page.locator('[data-next-week]').click();
      await page.locator(`[data-week="${week}"]`).waitFor();
    }
    // Monday's column holds it, 08:00–12:00 Phnom Penh time.
    const event = page.locator(`[data-day="${target}"] [data-session-id="${sessionId}"]`);
    await expect(event.textContent()).resolves.toMatch(/^8:00\sAM\s–\s12:00\sPM/);
    expect(await page.locator('[data-week] [data-day]').count()).toBe(7);
    await shot(page, 'week-en');
    await page.locator('[data-previous-week]').click();
    await page.locator(`[data-week="${addDays(target, -7)}"]`).waitFor();

    // The same week in Khmer: Khmer digits, the same session.
    await page.goto(`${rig.web.url}/km/training?view=week&week=${target}`);
    const khmerEvent = page.locator(`[data-day="${target}"] [data-session-id="${sessionId}"]`);
    await expect(khmerEvent.textContent()).resolves.toMatch(/០៨:០០/);
    await shot(page, 'week-km');
    await page.goto(`${rig.web.url}/km/training/sessions/new`);
    await page.locator('[data-schedule-form]').waitFor();
    await shot(page, 'schedule-km');
    await context.close();

    // A coordinator sees every trainer's sessions, and one trainer's by the filter.
    const [staffContext, staffPage] = await newPage(rig.browser, DESKTOP);
    await openAs(staffPage, STAFF.coordinator, '/en/training');
    await staffPage.getByRole('heading', { name: 'Training sessions' }).waitFor();
    const filter = staffPage.locator('[data-trainer-filter]');
    await filter.getByLabel('Trainer').selectOption(trainerId);
    await filter.getByRole('button', { name: 'Show' }).click();
    await staffPage.waitForURL(new RegExp(`trainer=${trainerId}`));
    await staffPage.locator(`[data-sessions] li[data-session-id="${sessionId}"]`).waitFor();
    await staffContext.close();
  });

  it('a trainer adds leave to their availability, and gets their calendar feed', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    await openAs(page, STAFF.trainer, '/en/training/availability');
    const form = page.locator('[data-availability-form]');
    // A window that ends before it starts is refused on its row.
    await form.locator('#window-7-start').fill('14:00');
    await form.locator('#window-7-end').fill('10:00');
    await form.getByRole('button', { name: 'Save my availability' }).click();
    await form.getByText('Give a time as HH:MM, the end after the start.').waitFor();
    await form.locator('#window-7-start').fill('');
    await form.locator('#window-7-end').fill('');
    const leave = addDays(target, 2);
    await form.locator('#exception-0-startDate').fill(leave);
    await form.locator('#exception-0-note').fill('Family visit');
    await form.getByRole('button', { name: 'Save my availability' }).click();
    await page.locator('[data-saved]').waitFor();
    const { body } = await call('trainer', '/api/training/me');
    expect(body.trainer.exceptions).toEqual([
      expect.objectContaining({ startDate: leave, endDate: leave, kind: 'leave', note: 'Family visit' }),
    ]);
    expect(body.trainer.windows).toHaveLength(7);

    // The feed's secret address, on the web's own address, is shown the first time; a new one
    // replaces it.
    const feed = page.locator('[data-calendar-feed]');
    const first = (await feed.locator('[data-feed-url]').textContent()) ?? '';
    expect(first.startsWith(`${rig.web.url}/calendar/`)).toBe(true);
    expect(first).toMatch(/\/calendar\/[A-Za-z0-9_-]{16,128}\.ics$/);
    const ics = await fetch(first);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
    expect((await fetch(`${rig.web.url}/calendar/not-a-token.ics`)).status).toBe(404);
    await shot(page, 'availability-en');
    await feed.getByRole('button', { name: 'Make a new secret address' }).click();
    await waitFor(
      async () => ((await feed.locator('[data-feed-url]').textContent()) !== first ? true : undefined),
      { timeoutMs: 10_000, what: 'a new feed address' },
    );
    expect((await fetch(first)).status).toBe(404);
    await context.close();
  });

  it('an organiser moves a session (refused onto their leave, in words) and cancels it with a reason', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    const path = `/en/training/sessions/${sessionId}`;
    await openAs(page, STAFF.trainer, path);
    const move = page.locator('[data-move-form]');
    // The leave added above, two days after: refused, and the session stays where it was.
    await move.getByLabel('New day').fill(addDays(target, 2));
    await move.getByRole('button', { name: 'Move the session' }).click();
    await move.getByText('The rules refuse the new time:').waitFor();
    await move.locator('[data-refusal="trainer_on_leave"]').waitFor();
    await move.getByLabel('New day').fill(addDays(target, 1));
    await move.getByLabel('Starts at').fill('09:00');
    await move.getByLabel('Ends at').fill('12:00');
    await move.getByRole('button', { name: 'Move the session' }).click();
    await page.locator('[data-flash="moved"]').waitFor();
    const { body } = await call('trainer', `/api/training/sessions/${sessionId}`);
    expect(new Date(body.session.startsAt).toISOString()).toBe(
      new Date(`${addDays(target, 1)}T09:00:00+07:00`).toISOString(),
    );
    await expect(page.locator('[data-when]').textContent()).resolves.toMatch(
      /^Tuesday, .*9:00\sAM\s–\s12:00\sPM$/,
    );

    // Cancelling needs a reason; with one, the session is cancelled and says why.
    const cancel = page.locator('[data-cancel-form]');
    await cancel.getByRole('button', { name: 'Cancel the session' }).click();
    await cancel.getByText('Say why the session is cancelled.').waitFor();
    await cancel.getByLabel('Reason').fill('The commune hall is flooded.');
    await cancel.getByRole('button', { name: 'Cancel the session' }).click();
    await page.locator('[data-flash="cancelled"]').waitFor();
    await waitFor(
      async () => {
        await page.reload();
        return (await page.locator('[data-cancel-reason]').count()) > 0 ? true : undefined;
      },
      { timeoutMs: 10_000, what: 'the cancellation on the page' },
    );
    await expect(page.locator('h1 [data-session-status]').textContent()).resolves.toBe('Cancelled');
    await expect(page.locator('[data-cancel-reason]').textContent()).resolves.toBe(
      'The commune hall is flooded.',
    );
    expect(await page.locator('[data-move-form]').count()).toBe(0);
    await context.close();
  });

  it('an admin changes a module of the catalogue; a trainer reads it without the form', async () => {
    const [context, page] = await newPage(rig.browser, DESKTOP);
    await openAs(page, STAFF.admin, '/en/training/modules');
    const advocacy = page.locator('li[data-module-id="advocacy"]');
    await advocacy.getByText('Change “Advocacy”').click();
    const form = advocacy.locator('[data-module-form]');
    await form.getByLabel('Length', { exact: false }).fill('10');
    await form.getByRole('button', { name: 'Save the module' }).click();
    await form.getByText('Give the length in whole minutes, from 15 to 2400.').waitFor();
    await form.getByLabel('Title in English').fill('Advocacy with local authorities');
    await form.getByLabel('Length', { exact: false }).fill('300');
    await form.getByRole('button', { name: 'Save the module' }).click();
    await page.getByText('“Advocacy with local authorities” is saved.').waitFor();
    await expect(page.locator('li[data-module-id="advocacy"] dd').textContent()).resolves.toBe('5 hours');
    await context.close();

    const [trainerContext, trainerPage] = await newPage(rig.browser, DESKTOP);
    await openAs(trainerPage, STAFF.trainer, '/km/training/modules');
    await trainerPage.locator('li[data-module-id="advocacy"]').waitFor();
    expect(await trainerPage.locator('[data-module-form]').count()).toBe(0);
    await shot(trainerPage, 'modules-km');
    await trainerContext.close();
  });

  it('the attendance sheet of a held session fits a 360 px phone in Khmer without JavaScript, and the sign-in sheet has Khmer text', async () => {
    const { gatewayUrl } = rig.stack;
    // A participant CBO, through its pipeline: recorded, assessed and selected.
    const created = await call<{ cbo: { id: string } }>('coordinator', '/api/cbos', {
      method: 'POST',
      body: {
        name: uniqueName('Ek Phnom Fishers'),
        nameKm: 'សហគមន៍អ្នកនេសាទឯកភ្នំ',
        provinceCode: 'KH-2',
        commune: 'Prek Norin',
        focusIssues: ['fisheries'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      },
    });
    expect(created.status).toBe(201);
    const cboId = created.body.cbo.id;
    const stageIs = (stage: string) =>
      waitFor(
        async () =>
          (await call<{ stage?: string }>('coordinator', `/api/cbos/${cboId}/pipeline`)).body?.stage === stage
            ? true
            : undefined,
        { timeoutMs: 20_000, what: `the CBO at ${stage}` },
      );
    await stageIs('assessment');
    const { body: settings } = await call<{ settings: { rubric: Array<{ key: string; maxScore: number }> } }>(
      'assessor',
      '/api/settings/network',
    );
    const assessed = await call('assessor', `/api/cbos/${cboId}/assessment`, {
      method: 'POST',
      body: {
        membersWomen: 6,
        membersMen: 4,
        ongoingActivities: 'Patrols of the fishing grounds',
        plannedActivities: 'A meeting with the commune council',
        ambitions: 'A community fishery recognised by the province',
        leadership: 'An elected committee',
        meetingsHeld: 4,
        recordsKept: true,
        registration: 'not_registered',
        risks: 'Illegal fishing operators',
        scores: Object.fromEntries(settings.settings.rubric.map((c) => [c.key, c.maxScore])),
      },
    });
    expect(assessed.status).toBe(200);
    await stageIs('selection');
    const decided = await call('approver', `/api/cbos/${cboId}/decision`, {
      method: 'POST',
      body: { outcome: 'selected' },
    });
    expect(decided.status).toBe(200);
    await stageIs('participant');

    // Two members of it, with Khmer names.
    const members: Array<{ token: string; name: string }> = [];
    for (const name of ['សុខ ចន្ថា', 'ចាន់ ស្រីនាង']) {
      const signedUp = await api<{ session: { token: string } }>(gatewayUrl, '/api/auth/sign-up', {
        method: 'POST',
        body: {
          email: `${uniqueName('trainee')}@member.test.bandanh.org`,
          displayName: name,
          password: 'the river rises every rainy season',
        },
      });
      expect(signedUp.status).toBe(201);
      const issued = await call<{ code: string }>('coordinator', `/api/cbos/${cboId}/link-codes`, {
        method: 'POST',
      });
      const linked = await api(gatewayUrl, '/api/me/cbo-link', {
        token: signedUp.body.session.token,
        method: 'POST',
        body: { code: issued.body.code },
      });
      expect(linked.status).toBeLessThan(300);
      members.push({ token: signedUp.body.session.token, name });
    }

    // A short session in Khmer starting in a minute: its workflow invites the CBO, the members
    // confirm, and at its end the workflow holds it.
    const startsAt = new Date(Date.now() + 60_000);
    const endsAt = new Date(startsAt.getTime() + 30_000);
    const scheduled = await call<{ session: { id: string } }>('coordinator', '/api/training/sessions', {
      method: 'POST',
      body: {
        moduleId: 'advocacy',
        trainerIds: [trainerId],
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        venue: {
          kind: 'place',
          provinceCode: 'KH-2',
          district: 'Ek Phnom',
          commune: 'Prek Norin',
          place: 'វត្តឯកភ្នំ',
        },
        capacity: 10,
        minimumAttendance: 1,
        language: 'km',
      },
    });
    expect(scheduled.status).toBe(201);
    const heldId = scheduled.body.session.id;
    for (const member of members) {
      await waitFor(
        async () => {
          const seat = await api(gatewayUrl, `/api/training/sessions/${heldId}/seat`, {
            token: member.token,
            method: 'POST',
          });
          return seat.status === 201 || seat.status === 200 ? true : undefined;
        },
        { timeoutMs: 30_000, what: 'a confirmed seat (after the invitation)' },
      );
    }

    // The sign-in sheet, before the session: in Khmer, with the members' names as text. The
    // phone has no JavaScript: every form of the page works without it.
    const [context, page] = await newPage(rig.browser, { ...PHONE, javaScriptEnabled: false });
    await openAs(page, STAFF.trainer, `/km/training/sessions/${heldId}`);
    const download = await page.request.get(`${rig.web.url}/km/training/sessions/${heldId}/sign-in-sheet`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    const text = (await pdfPages(Buffer.from(await download.body()))).join('\n');
    expect(text).toContain('សុខ ចន្ថា');
    expect(text).toContain('ចាន់ ស្រីនាង');
    expect(text).toContain('វត្តឯកភ្នំ');
    expect(text).toMatch(KHMER);

    // Held at its end: the attendance form, one row per member, four large choices each.
    await waitFor(
      async () =>
        (await call<{ session: { status: string } }>('trainer', `/api/training/sessions/${heldId}`)).body
          .session.status === 'held'
          ? true
          : undefined,
      { timeoutMs: 90_000, what: 'the session held' },
    );
    await page.reload();
    const sheet = page.locator('[data-attendance-form]');
    await sheet.waitFor();
    expect(await sheet.locator('[data-attendee]').count()).toBe(2);
    expect(await sheet.locator('input[type=radio]').count()).toBe(8);
    for (const box of await sheet.locator('[data-attendee] label').all()) {
      const size = await box.boundingBox();
      expect(size!.height).toBeGreaterThanOrEqual(44);
    }
    expect(await contentWidth(page)).toBeLessThanOrEqual(360);
    await sheet.getByText('មានវត្តមាន').first().waitFor();

    // Sent with one member unmarked: said beside them, nothing recorded.
    const choose = (row: number, mark: string) =>
      sheet.locator('[data-attendee]').nth(row).locator('label', { hasText: mark }).click();
    await choose(0, 'មានវត្តមាន');
    await sheet.getByRole('button', { name: 'កត់ត្រាវត្តមាន' }).click();
    await sheet.getByText('សូមជ្រើស មានវត្តមាន មកយឺត អវត្តមាន ឬមានច្បាប់។').waitFor();
    await shot(page, 'attendance-km-360');
    await choose(1, 'មកយឺត');
    await sheet.getByRole('button', { name: 'កត់ត្រាវត្តមាន' }).click();
    await page.locator('[data-flash="recorded"]').waitFor();
    await page.locator('[data-attendance-recorded]').waitFor();
    await shot(page, 'attendance-recorded-km-360');
    await context.close();
  });

  it('a coordinator keeps a trainer’s modules and provinces; an admin adds a module, a taken id refused beside it; a trainer may not keep trainers', async () => {
    const staffShot = (page: Page, name: string) =>
      SHOTS ? page.screenshot({ path: join(SHOTS, `staff2-${name}.png`), fullPage: true }) : undefined;
    const before = (await call('coordinator', `/api/training/trainers/${trainerId}`)).body.trainer;
    // Without JavaScript: the forms are plain forms.
    const [context, page] = await newPage(rig.browser, { ...DESKTOP, javaScriptEnabled: false });
    await openAs(page, STAFF.coordinator, '/en/training');
    // The list shows without JavaScript too (no loading state hides it behind a stream).
    await page.locator('[data-trainers-link]').click();
    await page.waitForURL((url) => url.pathname === '/en/training/trainers');
    const row = page.locator(`[data-trainers] li[data-trainer-id="${trainerId}"]`);
    await expect(row.locator('.name').textContent()).resolves.toContain('Test trainer');
    await expect(row.locator('[data-trainer-provinces]').textContent()).resolves.toBe('Battambang');
    await expect(row.locator('[data-status]').getAttribute('data-status')).resolves.toBe('active');
    await row.getByRole('link', { name: 'Change Test trainer’s profile' }).click();
    await page.waitForURL((url) => url.pathname === `/en/training/trainers/${trainerId}`);
    const form = page.locator('[data-trainer-form]');
    await expect(form.getByLabel('Human rights').isChecked()).resolves.toBe(true);
    await form.getByLabel('Monitoring and documentation').check();
    await form.getByLabel('Human rights').uncheck();
    await form.getByLabel('Siem Reap').check();
    expect(await form.locator('input[name=provinceCodes]').count()).toBe(25);
    await staffShot(page, 'trainer-en');
    await form.getByRole('button', { name: 'Save the profile' }).click();
    await page.waitForURL((url) => url.pathname === '/en/training/trainers');
    await page.getByText('Test trainer’s profile is saved.').waitFor();
    await expect(row.locator('[data-trainer-provinces]').textContent()).resolves.toBe(
      'Battambang, Siem Reap',
    );
    await staffShot(page, 'trainers-en');
    const { body } = await call('coordinator', `/api/training/trainers/${trainerId}`);
    expect([...body.trainer.moduleIds].sort()).toEqual(['advocacy', 'monitoring_documentation']);
    expect([...body.trainer.provinceCodes].sort()).toEqual(['KH-17', 'KH-2']);
    expect(body.trainer.active).toBe(true);
    // The trainer's own availability stays as it was.
    expect(body.trainer.windows).toEqual(before.windows);
    expect(body.trainer.exceptions).toEqual(before.exceptions);
    // The same pages in Khmer: the provinces and the count in Khmer.
    await page.goto(`${rig.web.url}/km/training/trainers`);
    await expect(row.locator('[data-trainer-provinces]').textContent()).resolves.toMatch(/បាត់ដំបង/);
    await staffShot(page, 'trainers-km');
    await page.goto(`${rig.web.url}/km/training/trainers/${trainerId}`);
    await page.locator('[data-trainer-form]').getByLabel('សៀមរាប').waitFor();
    await staffShot(page, 'trainer-km');
    await context.close();

    // An admin adds a module: an id the catalogue holds is refused beside the field, what was typed kept.
    const [adminContext, adminPage] = await newPage(rig.browser, DESKTOP);
    // An account just given the trainer role shows to an admin without a profile; saving adds it.
    // The admin's own code for the API, apart from the one the browser signs in with.
    const adminSignIn = await api<{ session: { token: string } }>(rig.stack.gatewayUrl, '/api/auth/sign-in', {
      method: 'POST',
      body: {
        email: STAFF.admin.email,
        password: STAFF.admin.password,
        code: await freshCode(STAFF.admin.totpSecret!, STAFF.admin.email),
      },
    });
    tokens.admin = adminSignIn.body.session.token;
    tokens.finance = await rig.stack.tokenFor(STAFF.finance);
    const financeId = (await call('finance', '/api/auth/me')).body.account.id;
    const given = await call('admin', `/api/admin/accounts/${financeId}/roles`, {
      method: 'PUT',
      body: { roles: ['finance', 'trainer'] },
    });
    expect(given.status).toBe(200);
    await openAs(adminPage, STAFF.admin, '/en/training/trainers');
    const newcomer = adminPage.locator(`[data-trainers] li[data-trainer-id="${financeId}"]`);
    await expect(newcomer.getAttribute('data-profile')).resolves.toBe('false');
    await newcomer.getByRole('link', { name: 'Add Test finance’s profile' }).click();
    await adminPage.locator('[data-no-profile]').waitFor();
    const fresh = adminPage.locator('[data-trainer-form]');
    await fresh.getByLabel('Human rights').check();
    await fresh.getByLabel('Kampot').check();
    await fresh.getByRole('button', { name: 'Save the profile' }).click();
    await adminPage.getByText('Test finance’s profile is saved.').waitFor();
    await expect(newcomer.locator('[data-trainer-provinces]').textContent()).resolves.toBe('Kampot');
    const { body: created } = await call('coordinator', `/api/training/trainers/${financeId}`);
    expect(created.trainer).toEqual(
      expect.objectContaining({
        moduleIds: ['human_rights'],
        provinceCodes: ['KH-7'],
        windows: [],
        active: true,
      }),
    );

    await adminPage.goto(`${rig.web.url}/en/training/modules`);
    const add = adminPage.locator('[data-new-module-form]');
    await add.getByLabel('Module id', { exact: false }).fill('human_rights');
    await add.getByLabel('Title in Khmer').fill('សមភាពយេនឌ័រ');
    await add.getByLabel('Title in English').fill('Gender equality');
    await add.getByLabel('Description in Khmer').fill('សមភាពរវាងស្ត្រី និងបុរស ក្នុងសហគមន៍។');
    await add.getByLabel('Description in English').fill('Equality of women and men in the community.');
    await add.getByLabel('Length', { exact: false }).fill('240');
    await add.getByLabel('Required for grants').check();
    await add.getByRole('button', { name: 'Add the module' }).click();
    await expect(add.locator('#new-id-error').textContent()).resolves.toBe(
      'The catalogue already has a module with this id: choose another.',
    );
    await expect(add.getByLabel('Title in English').inputValue()).resolves.toBe('Gender equality');
    await staffShot(adminPage, 'module-refused-en');
    await add.getByLabel('Module id', { exact: false }).fill('gender_equality');
    await add.getByRole('button', { name: 'Add the module' }).click();
    await adminPage.getByText('“Gender equality” is saved.').waitFor();
    await adminPage.locator('li[data-module-id="gender_equality"]').waitFor();
    const { body: added } = await call('coordinator', '/api/training/modules/gender_equality');
    expect(added.module).toEqual(
      expect.objectContaining({ titleKm: 'សមភាពយេនឌ័រ', durationMinutes: 240, requiredForGrants: true }),
    );
    await adminPage.goto(`${rig.web.url}/km/training/modules`);
    await adminPage.locator('[data-new-module-form]').waitFor();
    expect(await contentWidth(adminPage)).toBeLessThanOrEqual(1280);
    await staffShot(adminPage, 'modules-km');
    await adminContext.close();

    // A trainer keeps their own availability, not the trainers: no link, and the page says so.
    const [trainerContext, trainerPage] = await newPage(rig.browser, DESKTOP);
    await openAs(trainerPage, STAFF.trainer, '/en/training/trainers');
    await trainerPage.locator('[data-not-allowed]').waitFor();
    await trainerPage.goto(`${rig.web.url}/en/training`);
    await trainerPage.getByRole('heading', { name: 'My sessions' }).waitFor();
    expect(await trainerPage.locator('[data-trainers-link]').count()).toBe(0);
    await trainerContext.close();
  });
});
