import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, type TestAccount } from '../../gateway/test/stack';
import { api, newPage, scriptsWithNextIntl, signInOnPage, useWebRig, contentWidth } from './browser';
import { qrTextOf } from './pdf-qr';
import { pdfPages } from './pdf-text';

const SHOTS = process.env.SCREENSHOT_DIR;
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
const MEMBER_NAME = 'សុខ ស្រីពៅ';
const CBO_NAME_KM = 'សហគមន៍នេសាទឯកភ្នំ';
const PASSWORD = 'our nets by the flooded forest';

/** Three modules done in three sessions at once, each with its own trainer; the fourth still to do. */
const DONE_MODULES = ['human_rights', 'monitoring_documentation', 'advocacy'] as const;

type Json = any;

/**
 * A CBO member's training on their group's page, on a phone in Khmer: required modules done of
 * those required in Khmer digits, the invited session with a seat confirmed (without
 * JavaScript) and declined, what comes after; a certificate's public page showing every field,
 * and a clear not-found for a wrong code; the certificate PDF with the member's Khmer name as text.
 */
describe("a member's training in the web", () => {
  const rig = useWebRig('web-training-member');
  const tokens: Record<string, string> = {};
  let cboId: string;
  let memberToken: string;
  let nextSessionId: string;
  /** A session of one seat, which another member of the group has taken. */
  let fullSessionId: string;
  let certificates: Json[] = [];
  const member = { email: `${uniqueName('member')}@member.test.bandanh.org`, password: PASSWORD };

  const call = (path: string, token?: string, init: { method?: string; body?: unknown } = {}) =>
    api<Json>(rig.stack.gatewayUrl, path, {
      token,
      ...init,
      headers: init.method === 'POST' ? { 'idempotency-key': randomUUID() } : {},
    });

  /** A Network Participant of Battambang with a Khmer name, through assessment and selection. */
  async function participant(): Promise<string> {
    const { id } = await rig.stack.recordCbo({
      name: uniqueName('Ek Phnom Fishers'),
      nameKm: CBO_NAME_KM,
      provinceCode: 'KH-2',
      focusIssues: ['fisheries'],
      foundVia: 'field_visit',
      acknowledgeDuplicates: true,
    });
    const stage = (want: string) =>
      waitFor(
        async () =>
          (await call(`/api/cbos/${id}/pipeline`, tokens.coordinator)).body.stage === want ? true : undefined,
        { what: `stage ${want}`, timeoutMs: 20_000 },
      );
    await stage('assessment');
    const { body: settings } = await call('/api/settings/network', tokens.admin);
    const assessed = await call(`/api/cbos/${id}/assessment`, tokens.assessor, {
      method: 'POST',
      body: {
        membersWomen: 9,
        membersMen: 8,
        ongoingActivities: 'Monthly patrols of the flooded forest',
        plannedActivities: 'Map the fishing grounds with the commune',
        ambitions: 'A community fishery recognised by the province',
        leadership: 'An elected committee of five',
        meetingsHeld: 10,
        recordsKept: true,
        registration: 'in_progress',
        risks: 'Pressure from illegal fishing lots',
        scores: Object.fromEntries(settings.settings.rubric.map((criterion: Json) => [criterion.key, 4])),
      },
    });
    expect(assessed.status).toBe(200);
    const selected = await call(`/api/cbos/${id}/decision`, tokens.approver, {
      method: 'POST',
      body: { outcome: 'selected', reason: 'Well organised' },
    });
    expect(selected.status).toBe(200);
    await stage('participant');
    return id;
  }

  /** A trainer account of its own, teaching `moduleId` in Battambang at any hour. */
  async function trainer(moduleId: string): Promise<{ token: string; id: string }> {
    const account: TestAccount = {
      email: `trainer-${moduleId.replace(/_/g, '-')}@test.bandanh`,
      password: 'a long test passphrase',
      roles: ['trainer'],
    };
    await rig.stack.ensureAccount(account);
    const token = await rig.stack.tokenFor(account);
    const id = (await call('/api/auth/me', token)).body.account.id as string;
    const saved = await call(`/api/training/trainers/${id}`, tokens.coordinator, {
      method: 'PUT',
      body: {
        moduleIds: [moduleId],
        provinceCodes: ['KH-2'],
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
        exceptions: [],
      },
    });
    expect(saved.status).toBe(200);
    return { token, id };
  }

  async function schedule(
    moduleId: string,
    trainerId: string,
    startsAt: Date,
    endsAt: Date,
    place: string,
    capacity = 10,
  ) {
    const created = await call('/api/training/sessions', tokens.coordinator, {
      method: 'POST',
      body: {
        moduleId,
        trainerIds: [trainerId],
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        venue: { kind: 'place', provinceCode: 'KH-2', district: 'Sangkae', commune: 'Ou Dambang', place },
        capacity,
        minimumAttendance: 1,
        language: 'km',
      },
    });
    expect(created.status).toBe(201);
    return created.body.session.id as string;
  }

  const progress = async () => (await call(`/api/training/progress/${cboId}`, memberToken)).body;
  const invitedTo = (sessionId: string) =>
    waitFor(
      async () =>
        (await progress()).sessions?.some((entry: Json) => entry.session.id === sessionId && entry.invited)
          ? true
          : undefined,
      { what: 'the invitation', timeoutMs: 30_000 },
    );

  beforeAll(async () => {
    for (const role of ['admin', 'coordinator', 'assessor', 'approver'] as const) {
      tokens[role] = await rig.stack.tokenFor(STAFF[role]);
    }
    cboId = await participant();
    const signedUp = await call('/api/auth/sign-up', undefined, {
      method: 'POST',
      body: { ...member, displayName: MEMBER_NAME },
    });
    expect(signedUp.status).toBe(201);
    memberToken = signedUp.body.session.token;
    const issued = await call(`/api/cbos/${cboId}/link-codes`, tokens.coordinator, {
      method: 'POST',
      body: {},
    });
    const linked = await call('/api/me/cbo-link', memberToken, {
      method: 'POST',
      body: { code: issued.body.code },
    });
    expect(linked.status).toBeLessThan(300);
    const memberId = linked.body.account.id as string;

    // Three sessions held at once, in a minute, each by its own trainer at its own place.
    const trainers = await Promise.all(DONE_MODULES.map((moduleId) => trainer(moduleId)));
    const startsAt = new Date(Date.now() + 50_000);
    const endsAt = new Date(startsAt.getTime() + 20_000);
    const held = [];
    for (const [n, moduleId] of DONE_MODULES.entries()) {
      held.push(await schedule(moduleId, trainers[n].id, startsAt, endsAt, `Pagoda hall ${n + 1}`));
    }
    // The fourth module's session, months ahead, which the member answers in the browser.
    const od = await trainer('organisational_development');
    nextSessionId = await schedule(
      'organisational_development',
      od.id,
      new Date('2036-05-09T01:30:00Z'),
      new Date('2036-05-09T04:30:00Z'),
      'Commune hall',
    );
    fullSessionId = await schedule(
      'organisational_development',
      od.id,
      new Date('2036-05-16T01:30:00Z'),
      new Date('2036-05-16T04:30:00Z'),
      'Commune hall',
      1,
    );

    for (const sessionId of held) {
      await invitedTo(sessionId);
      const seat = await call(`/api/training/sessions/${sessionId}/seat`, memberToken, { method: 'POST' });
      expect(seat.body.seat?.status).toBe('confirmed');
    }
    for (const [n, sessionId] of held.entries()) {
      await waitFor(
        async () =>
          // Held, with the trainers' attendance task open: the sheet takes marks.
          (await call(`/api/training/sessions/${sessionId}/run`, tokens.coordinator)).body.attendanceTaskId
            ? true
            : undefined,
        { what: 'the session held', timeoutMs: 90_000 },
      );
      const recorded = await call(`/api/training/sessions/${sessionId}/attendance`, trainers[n].token, {
        method: 'POST',
        body: { marks: [{ memberId, mark: 'present' }] },
      });
      expect(recorded.status).toBe(200);
    }
    certificates = await waitFor(
      async () => {
        const { certificates: issued } = await progress();
        return issued?.length === DONE_MODULES.length ? issued : undefined;
      },
      { what: 'three certificates', timeoutMs: 60_000 },
    );
    await invitedTo(nextSessionId);
    await invitedTo(fullSessionId);
    const other = await call('/api/auth/sign-up', undefined, {
      method: 'POST',
      body: {
        email: `${uniqueName('other')}@member.test.bandanh.org`,
        password: PASSWORD,
        displayName: 'Keo Malis',
      },
    });
    const otherCode = await call(`/api/cbos/${cboId}/link-codes`, tokens.coordinator, {
      method: 'POST',
      body: {},
    });
    await call('/api/me/cbo-link', other.body.session.token, {
      method: 'POST',
      body: { code: otherCode.body.code },
    });
    const taken = await call(`/api/training/sessions/${fullSessionId}/seat`, other.body.session.token, {
      method: 'POST',
    });
    expect(taken.body.seat?.status).toBe('confirmed');
  }, 240_000);

  async function signedIn(options: Parameters<typeof newPage>[1] = PHONE): Promise<[BrowserContext, Page]> {
    const [context, page] = await newPage(rig.browser, options);
    await page.goto(`${rig.web.url}/km/sign-in`);
    await signInOnPage(page, member);
    return [context, page];
  }

  it('shows a member on a phone in Khmer their modules done in Khmer digits, and lets them confirm and decline a seat', async () => {
    // Without JavaScript: the confirm button is a plain form.
    const [plain, page] = await signedIn({ ...PHONE, javaScriptEnabled: false });
    await page.goto(`${rig.web.url}/km/my-cbo`);
    const section = page.locator('[data-training]');
    await section.waitFor();
    expect(await page.locator('[data-training-progress]').textContent()).toContain('៣ នៃ ៤');
    for (const moduleId of DONE_MODULES) {
      expect(await page.getAttribute(`[data-module="${moduleId}"]`, 'data-module-done')).toBe('true');
    }
    expect(await page.getAttribute('[data-module="organisational_development"]', 'data-module-done')).toBe(
      'false',
    );
    expect(await page.getAttribute('[data-training-next]', 'data-training-next')).toBe('remaining');
    // The group's messages name their kind in Khmer, never by its code.
    expect(await page.locator('[data-notification-kind^="training_"]').count()).toBeGreaterThan(0);
    expect(await page.textContent('[data-cbo-notifications]')).not.toMatch(/training_/);
    // The page fits the phone: nothing wider than the screen.
    expect(await contentWidth(page)).toBeLessThanOrEqual(360);

    const session = page.locator(`[data-training-session="${nextSessionId}"]`);
    expect(await session.getAttribute('data-invited')).toBe('true');
    expect(await session.locator('[data-seat-status]').getAttribute('data-seat-status')).toBe('none');
    // In Phnom Penh time (08:30) and Khmer digits.
    expect(await session.locator('[data-session-when]').textContent()).toMatch(/០៨:៣០/);
    expect(await session.locator('[data-session-where]').textContent()).toContain('បាត់ដំបង');
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/member-training-km.png`, fullPage: true });
      await section.screenshot({ path: `${SHOTS}/member-training-section-km.png` });
    }

    await session.locator('[data-confirm-seat] button[type=submit]').click();
    await page.waitForURL(/seat=confirmed/);
    expect(await page.getAttribute('[data-seat-answered]', 'data-seat-answered')).toBe('confirmed');
    const after = page.locator(`[data-training-session="${nextSessionId}"]`);
    expect(await after.locator('[data-seat-status]').getAttribute('data-seat-status')).toBe('confirmed');
    if (SHOTS)
      await page.locator('[data-training]').screenshot({ path: `${SHOTS}/member-seat-confirmed-km.png` });
    await plain.close();

    const seat = (await progress()).sessions.find((entry: Json) => entry.session.id === nextSessionId).seat;
    expect(seat.status).toBe('confirmed');

    // With JavaScript: declining gives the seat up. The page's words come from the server: its
    // scripts hold no catalog and no next-intl (a cheap phone downloads the least it can).
    const [context, js] = await signedIn();
    await js.goto(`${rig.web.url}/km/my-cbo`);
    const scripts = await scriptsWithNextIntl(rig.web.url, await js.content());
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter(({ nextIntl }) => nextIntl)).toEqual([]);
    await js
      .locator(`[data-training-session="${nextSessionId}"] [data-decline-seat] button[type=submit]`)
      .click();
    await js.waitForURL(/seat=declined/);
    const declined = js.locator(`[data-training-session="${nextSessionId}"]`);
    expect(await declined.locator('[data-seat-status]').getAttribute('data-seat-status')).toBe('declined');
    expect(await declined.locator('[data-confirm-seat]').count()).toBe(1);
    if (SHOTS)
      await js.locator('[data-training]').screenshot({ path: `${SHOTS}/member-seat-declined-km.png` });
    expect(
      (await progress()).sessions.find((entry: Json) => entry.session.id === nextSessionId).seat.status,
    ).toBe('declined');

    // The full session: a place on its waitlist, with its number in Khmer digits.
    await js
      .locator(`[data-training-session="${fullSessionId}"] [data-confirm-seat] button[type=submit]`)
      .click();
    await js.waitForURL(/seat=waitlisted/);
    expect(await js.textContent('[data-seat-answered="waitlisted"]')).toContain('១');
    const waiting = js.locator(`[data-training-session="${fullSessionId}"] [data-seat-status]`);
    expect(await waiting.getAttribute('data-seat-status')).toBe('waitlisted');
    expect(await waiting.textContent()).toContain('លេខ ១');

    // The same in English, Latin digits.
    await js.goto(`${rig.web.url}/en/my-cbo`);
    expect(await js.textContent('[data-training-progress]')).toBe('3 of 4 required modules done');
    await js.goto(`${rig.web.url}/km/my-cbo`);

    // The certificates, each with its PDF and its verification page.
    for (const certificate of certificates) {
      const item = js.locator(`[data-certificate="${certificate.code}"]`);
      expect(await item.locator('[data-certificate-pdf]').getAttribute('href')).toBe(
        `/km/certificates/${certificate.code}/pdf`,
      );
      expect(await item.locator('[data-certificate-verify]').getAttribute('href')).toBe(
        `/km/certificates/${certificate.code}`,
      );
    }
    await context.close();
  });

  it('shows every field of a real certificate on the public page, and says plainly when a code is wrong', async () => {
    const [context, page] = await newPage(rig.browser, PHONE);
    const { code } = certificates[0];
    const answer = await page.goto(`${rig.web.url}/km/certificates/${code}`);
    expect(answer?.status()).toBe(200);
    await page.locator('[data-certificate-genuine]').waitFor();
    const field = async (key: string) =>
      (await page.textContent(`[data-certificate-field="${key}"] dd`)) ?? '';
    expect(await field('member')).toBe(MEMBER_NAME);
    expect(await field('cbo')).toContain(CBO_NAME_KM);
    expect(await field('code')).toBe(code);
    expect(await field('trainers')).toMatch(/trainer-/);
    expect(await field('module')).toContain(certificates[0].moduleTitleKm);
    expect(await field('date')).toMatch(/[០-៩]{4}/);
    expect(await field('issuedAt')).toMatch(/[០-៩]{4}/);
    expect(await field('language')).not.toBe('');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/member-certificate-km.png`, fullPage: true });

    await page.goto(`${rig.web.url}/en/certificates/${code}`);
    expect(await page.textContent('[data-certificate-genuine]')).toContain('genuine');
    expect(await field('module')).toContain(certificates[0].moduleTitleEn);

    // Typed by hand, in small letters and without its dash, from the lookup form.
    await page.goto(`${rig.web.url}/km/certificates`);
    await page.fill('#code', code.replace('-', '').toLowerCase());
    await page.click('main button[type=submit]');
    await page.waitForURL(new RegExp(`/km/certificates/${code}$`));
    await page.locator('[data-certificate-genuine]').waitFor();

    const wrong = await page.goto(`${rig.web.url}/km/certificates/CRT-0000000000`);
    expect(wrong?.status()).toBe(404);
    const problem = page.locator('[data-certificate-problem="notFound"]');
    expect(await problem.textContent()).toContain('CRT-0000000000');
    expect(await page.locator('[data-certificate-genuine]').count()).toBe(0);
    if (SHOTS)
      await page.screenshot({ path: `${SHOTS}/member-certificate-not-found-km.png`, fullPage: true });
    await context.close();
  });

  it('gives the member their certificate as a PDF with their Khmer name as text, and asks anyone else to sign in', async () => {
    const { code } = certificates[0];
    const [context, page] = await signedIn();
    const pdf = await context.request.get(`${rig.web.url}/km/certificates/${code}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = await pdf.body();
    const text = (await pdfPages(body)).join('\n').replace(/\s+/gu, ' ');
    expect(text).toContain(MEMBER_NAME);
    expect(text).toContain(code);
    expect(text).toContain(CBO_NAME_KM);
    // The QR code opens the public page of this very certificate, by the web's full address.
    expect(qrTextOf(body)).toBe(`${rig.web.url}/km/certificates/${code}`);
    await page.close();
    await context.close();

    const [anonymous] = await newPage(rig.browser);
    const away = await anonymous.request.get(`${rig.web.url}/km/certificates/${code}/pdf`, {
      maxRedirects: 0,
    });
    expect(away.status()).toBe(303);
    expect(away.headers().location).toContain('/km/sign-in?next=');
    await anonymous.close();
  });
});
