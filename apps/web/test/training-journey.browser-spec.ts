import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { Mailbox, type MailMessage } from '../../gateway/test/mail';
import { STAFF, TestStack } from '../../gateway/test/stack';
import { addDays, localDateOf, localTimeOf, todayInPhnomPenh } from '../src/components/training/time';
import { api, contentWidth, launchChromium, newPage, signInOnPage, type WebRig } from './browser';
import { pdfPages } from './pdf-text';
import { startWeb } from './web-server';

const SHOTS = process.env.SCREENSHOT_DIR;
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 360, height: 740 }, locale: 'km-KH' };
/** The invitees' reminder goes out this long before the start (the stack's TRAINING_REMINDER_LEADS). */
const LEAD = '10s';
const MEMBER_NAME = 'ស៊ុន សុភាព';
const CBO_NAME_KM = 'សហគមន៍ស្ត្រីកសិករសង្កែ';
const PASSWORD = 'the rice fields by the river';
const KHMER_DIGIT = /[០-៩]/;
const LATIN_DIGIT = /[0-9]/;
/** The modules this stack does not require for grants: human rights is the one left to do. */
const NOT_REQUIRED = ['monitoring_documentation', 'advocacy', 'organisational_development'];

type Json = any;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `journey-${name}.png`), fullPage: true });
}

/**
 * The whole training journey, in the real browser on the real stack (Temporal, NATS, PostgreSQL,
 * Mailpit): a trainer finds a slot and schedules a session a minute ahead through the web form;
 * the session's workflow invites the participant CBO and its member, on a 360 px phone in Khmer,
 * confirms a seat (the pipeline moves to `training`); held at its end, the trainer takes
 * attendance through the form; the member's certificate appears on their group's page (the
 * pipeline at `grant_eligible`), its code verifies on the public page with every field, a wrong
 * code is plainly not found, its PDF carries the Khmer name as text, and the invitation,
 * reminder and certificate emails are read back from Mailpit.
 *
 * Human rights is the only module this stack requires for grants (an admin sets the other three
 * optional through the modules route first): the journey's one session completes the CBO's
 * training, and the pipeline's two moves are each caused by this journey's own steps.
 */
describe('the training journey: scheduled on the web, confirmed on a phone in Khmer, attended, certified', () => {
  const rig = {} as WebRig;
  const mailbox = new Mailbox();
  const tokens: Record<string, string> = {};
  const member = { email: `${uniqueName('journey')}@member.test.bandanh.org`, password: PASSWORD };
  let cboId: string;
  let trainerId: string;
  let moduleTitleKm: string;

  const call = (path: string, token?: string, init: { method?: string; body?: unknown } = {}) =>
    api<Json>(rig.stack.gatewayUrl, path, {
      token,
      ...init,
      headers: init.method === 'POST' || init.method === 'PUT' ? { 'idempotency-key': randomUUID() } : {},
    });
  const stageOf = async () => (await call(`/api/cbos/${cboId}/pipeline`, tokens.coordinator)).body?.stage;
  const stageIs = (stage: string, timeoutMs = 30_000) =>
    waitFor(async () => ((await stageOf()) === stage ? true : undefined), {
      what: `the CBO's pipeline at ${stage}`,
      timeoutMs,
    });
  /** The message to the member whose subject matches, once it has arrived. */
  async function mailTo(subject: RegExp, timeoutMs = 30_000): Promise<MailMessage> {
    const found = await waitFor(
      async () => (await mailbox.to(member.email)).find((message) => subject.test(message.Subject)),
      { what: `a message to the member with a subject like ${subject}`, timeoutMs },
    );
    return mailbox.message(found.ID);
  }

  beforeAll(async () => {
    // Short reminder leads, for a session a minute ahead; mail to the shared Mailpit (SMTP :1025).
    rig.stack = await TestStack.start('web-journey', { TRAINING_REMINDER_LEADS: LEAD });
    rig.web = await startWeb(rig.stack.gatewayUrl);
    rig.browser = await launchChromium();
    for (const role of ['admin', 'coordinator', 'assessor', 'approver', 'trainer'] as const) {
      tokens[role] = await rig.stack.tokenFor(STAFF[role]);
    }
    trainerId = (await call('/api/auth/me', tokens.trainer)).body.account.id;
    // The stack's trainer teaches human rights in Battambang, free at any hour of any day.
    const saved = await call(`/api/training/trainers/${trainerId}`, tokens.coordinator, {
      method: 'PUT',
      body: {
        moduleIds: ['human_rights'],
        provinceCodes: ['KH-2'],
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
        exceptions: [],
      },
    });
    expect(saved.status).toBe(200);
    for (const moduleId of NOT_REQUIRED) {
      const { body } = await call(`/api/training/modules/${moduleId}`, tokens.admin);
      const { id: _id, updatedAt: _updatedAt, ...draft } = body.module ?? body;
      const put = await call(`/api/training/modules/${moduleId}`, tokens.admin, {
        method: 'PUT',
        body: { ...draft, requiredForGrants: false },
      });
      expect(put.status).toBe(200);
    }
    const { body: humanRights } = await call('/api/training/modules/human_rights', tokens.admin);
    moduleTitleKm = (humanRights.module ?? humanRights).titleKm;

    // A Network Participant of Battambang with a Khmer name: recorded, assessed and selected.
    ({ id: cboId } = await rig.stack.recordCbo({
      name: uniqueName('Sangkae Women Farmers'),
      nameKm: CBO_NAME_KM,
      provinceCode: 'KH-2',
      focusIssues: ['land'],
      foundVia: 'field_visit',
      acknowledgeDuplicates: true,
    }));
    await stageIs('assessment');
    const { body: settings } = await call('/api/settings/network', tokens.admin);
    const assessed = await call(`/api/cbos/${cboId}/assessment`, tokens.assessor, {
      method: 'POST',
      body: {
        membersWomen: 12,
        membersMen: 3,
        ongoingActivities: 'A rice bank for the village',
        plannedActivities: 'Land titles for the members',
        ambitions: 'Secure tenure of the fields',
        leadership: 'An elected committee of five women',
        meetingsHeld: 8,
        recordsKept: true,
        registration: 'in_progress',
        risks: 'A land concession nearby',
        scores: Object.fromEntries(settings.settings.rubric.map((criterion: Json) => [criterion.key, 4])),
      },
    });
    expect(assessed.status).toBe(200);
    const selected = await call(`/api/cbos/${cboId}/decision`, tokens.approver, {
      method: 'POST',
      body: { outcome: 'selected' },
    });
    expect(selected.status).toBe(200);
    await stageIs('participant');

    // Its member, in Khmer, with a Khmer name, linked by a code.
    const signedUp = await call('/api/auth/sign-up', undefined, {
      method: 'POST',
      body: { ...member, displayName: MEMBER_NAME, locale: 'km' },
    });
    expect(signedUp.status).toBe(201);
    const issued = await call(`/api/cbos/${cboId}/link-codes`, tokens.coordinator, { method: 'POST' });
    const linked = await call('/api/me/cbo-link', signedUp.body.session.token, {
      method: 'POST',
      body: { code: issued.body.code },
    });
    expect(linked.status).toBeLessThan(300);
  }, 120_000);

  afterAll(async () => {
    await mailbox.remove([member.email]).catch(() => undefined);
    await rig.browser?.close();
    await rig.web?.stop();
    await rig.stack?.stop();
  });

  it('a trainer schedules a session, a member confirms it on a phone in Khmer, the trainer takes attendance, and the certificate verifies', async () => {
    // 1. The trainer, on a desktop, finds a free slot and schedules the session through the form.
    const [trainerContext, desk] = await newPage(rig.browser, DESKTOP);
    await desk.goto(`${rig.web.url}/en/training/sessions/new`);
    await signInOnPage(desk, STAFF.trainer);
    await desk.waitForURL((url) => url.pathname === '/en/training/sessions/new');
    const search = desk.locator('[data-slot-search]');
    await search.getByLabel('Module').selectOption('human_rights');
    await search.getByLabel('Province').selectOption('KH-2');
    await search.getByLabel('From').fill(todayInPhnomPenh());
    await search.getByLabel('To').fill(addDays(todayInPhnomPenh(), 1));
    await search.getByRole('button', { name: 'Find free slots' }).click();
    await desk.locator('[data-slots] li').first().waitFor();
    await shot(desk, '1-slots-en');
    await desk
      .locator('[data-slots] li')
      .first()
      .getByRole('link', { name: 'Use with Test trainer' })
      .click();
    await desk.locator('[data-slot-chosen]').waitFor();
    const form = desk.locator('[data-schedule-form]');
    await expect(form.getByLabel('Module').inputValue()).resolves.toBe('human_rights');
    await expect(form.getByLabel('Trainer').inputValue()).resolves.toBe(trainerId);

    // The form takes whole minutes: the first minute at least 30 s away (time for the invitation
    // and the member's answer), for one minute. Not across Phnom Penh's midnight.
    let startsAt = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000);
    if (localDateOf(startsAt) !== localDateOf(new Date(startsAt.getTime() + 60_000))) {
      startsAt = new Date(startsAt.getTime() + 120_000);
    }
    const endsAt = new Date(startsAt.getTime() + 60_000);
    await form.getByLabel('Day').fill(localDateOf(startsAt));
    await form.getByLabel('Starts at').fill(localTimeOf(startsAt));
    await form.getByLabel('Ends at').fill(localTimeOf(endsAt));
    await form.getByLabel('District').fill('Sangkae');
    await form.getByLabel('Commune').fill('Ou Dambang');
    await form.getByLabel('Place (hall, pagoda, office)').fill('វត្តអូរដំបង');
    await form.getByLabel('Minimum attendance').fill('1');
    await form.getByLabel('Khmer', { exact: true }).check();
    await shot(desk, '2-schedule-form-en');
    await form.getByRole('button', { name: 'Schedule the session' }).click();
    await desk.waitForURL(/\/en\/training\/sessions\/[0-9a-f-]{36}\?scheduled=1/);
    const sessionId = /sessions\/([0-9a-f-]{36})/.exec(desk.url())![1];
    await desk.getByText('The session is scheduled.', { exact: false }).waitFor();
    const { body: created } = await call(`/api/training/sessions/${sessionId}`, tokens.trainer);
    expect(created.session).toMatchObject({ moduleId: 'human_rights', language: 'km', status: 'scheduled' });
    expect(new Date(created.session.startsAt).getTime()).toBe(startsAt.getTime());
    expect(new Date(created.session.endsAt).getTime()).toBe(endsAt.getTime());
    await shot(desk, '3-session-scheduled-en');

    // 2. The session's workflow invites the CBO: the member's invitation, in Khmer, Khmer digits.
    const invitation = await mailTo(/^ការអញ្ជើញ/);
    expect(invitation.Subject).toContain(moduleTitleKm);
    expect(invitation.Subject).toMatch(KHMER_DIGIT);
    expect(invitation.Subject).not.toMatch(LATIN_DIGIT);
    expect(invitation.Text).toContain(CBO_NAME_KM);
    expect(invitation.Text).toContain('/km/my-cbo');

    // 3. The member, on a 360 px phone in Khmer, sees the session on their group's page and confirms.
    const [memberContext, phone] = await newPage(rig.browser, PHONE);
    await phone.goto(`${rig.web.url}/km/sign-in`);
    await signInOnPage(phone, member);
    await phone.waitForURL((url) => url.pathname === '/km/my-cbo');
    const card = phone.locator(`[data-training-session="${sessionId}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-invited')).toBe('true');
    expect(await card.locator('[data-seat-status]').getAttribute('data-seat-status')).toBe('none');
    // In Phnom Penh time and Khmer digits: the start's hour and minute.
    const [hh, mm] = localTimeOf(startsAt).split(':');
    const khmer = (digits: string) => digits.replace(/[0-9]/g, (d) => '០១២៣៤៥៦៧៨៩'[Number(d)]);
    const when = (await card.locator('[data-session-when]').textContent()) ?? '';
    expect(when).toMatch(KHMER_DIGIT);
    expect(when).not.toMatch(LATIN_DIGIT);
    const hours = [hh, String(Number(hh)), String(Number(hh) % 12 || 12)].map(khmer);
    expect(hours.some((hour) => when.includes(`${hour}:${khmer(mm)}`))).toBe(true);
    expect(await card.locator('[data-session-where]').textContent()).toContain('វត្តអូរដំបង');
    expect(await phone.textContent('[data-training-progress]')).toContain('០ នៃ ១');
    expect(await contentWidth(phone)).toBeLessThanOrEqual(360);
    await shot(phone, '4-member-invited-km-360');
    await card.locator('[data-confirm-seat] button[type=submit]').click();
    await phone.waitForURL(/seat=confirmed/);
    expect(await phone.getAttribute('[data-seat-answered]', 'data-seat-answered')).toBe('confirmed');
    expect(
      await phone
        .locator(`[data-training-session="${sessionId}"] [data-seat-status]`)
        .getAttribute('data-seat-status'),
    ).toBe('confirmed');
    expect(await contentWidth(phone)).toBeLessThanOrEqual(360);
    await shot(phone, '5-member-confirmed-km-360');
    // The CBO's first confirmed seat moves its pipeline from participant to training.
    await stageIs('training');
    expect(Date.now()).toBeLessThan(startsAt.getTime());

    // A wrong code, typed on the public page while the session runs: plainly not found.
    const [publicContext, visitor] = await newPage(rig.browser, PHONE);
    const wrong = await visitor.goto(`${rig.web.url}/km/certificates/CRT-0000000000`);
    expect(wrong?.status()).toBe(404);
    expect(await visitor.textContent('[data-certificate-problem="notFound"]')).toContain('CRT-0000000000');
    expect(await visitor.locator('[data-certificate-genuine]').count()).toBe(0);
    await shot(visitor, '6-certificate-not-found-km-360');

    // The reminder goes out its lead before the start, to the member who confirmed.
    const reminder = await mailTo(/^ការរំលឹក/, 60_000 + Math.max(0, startsAt.getTime() - Date.now()));
    expect(reminder.Subject).toContain(moduleTitleKm);

    // 4. Held at its end, with the trainer's attendance task open: the trainer takes attendance.
    await waitFor(
      async () =>
        (await call(`/api/training/sessions/${sessionId}/run`, tokens.trainer)).body?.attendanceTaskId
          ? true
          : undefined,
      {
        what: 'the session held and its attendance task open',
        timeoutMs: 40_000 + endsAt.getTime() - Date.now(),
      },
    );
    await desk.goto(`${rig.web.url}/en/training/sessions/${sessionId}`);
    const sheet = desk.locator('[data-attendance-form]');
    await sheet.waitFor();
    expect(await sheet.locator('[data-attendee]').count()).toBe(1);
    await expect(sheet.locator('[data-attendee]').textContent()).resolves.toContain(MEMBER_NAME);
    await sheet.locator('[data-attendee]').locator('label', { hasText: 'Present' }).click();
    await shot(desk, '7-attendance-en');
    await sheet.getByRole('button', { name: 'Record the attendance' }).click();
    await desk.locator('[data-flash="recorded"]').waitFor();
    await desk.locator('[data-attendance-recorded]').waitFor();
    await shot(desk, '8-attendance-recorded-en');
    await trainerContext.close();

    // 5. Every required module done: the pipeline at grant_eligible, and the certificate appears.
    await stageIs('grant_eligible');
    const certificate = await waitFor(
      async () => {
        await phone.goto(`${rig.web.url}/km/my-cbo`);
        return (await phone.locator('[data-certificate]').count()) > 0
          ? await phone.locator('[data-certificate]').first().getAttribute('data-certificate')
          : undefined;
      },
      { what: "the certificate on the member's page", timeoutMs: 30_000 },
    );
    const code = certificate ?? '';
    expect(code).toMatch(/^CRT-[0-9A-Z]{10}$/);
    expect(await phone.textContent('[data-training-progress]')).toContain('១ នៃ ១');
    expect(await phone.getAttribute('[data-training-next]', 'data-training-next')).toBe('grants');
    expect(await phone.getAttribute('[data-module="human_rights"]', 'data-module-done')).toBe('true');
    expect(await phone.textContent(`[data-certificate="${code}"]`)).toContain(MEMBER_NAME);
    // The group's messages name each training message in Khmer, never by its code.
    const messages = phone.locator('[data-notification-kind^="training_"]');
    expect(await messages.count()).toBeGreaterThanOrEqual(3);
    expect(await phone.textContent('main')).not.toMatch(/training_[a-z]+/);
    expect(await contentWidth(phone)).toBeLessThanOrEqual(360);
    await shot(phone, '9-member-certificate-km-360');

    // 6. Its code verifies on the public page, showing every field of it.
    await visitor.goto(`${rig.web.url}/km/certificates/${code}`);
    await visitor.locator('[data-certificate-genuine]').waitFor();
    const field = async (key: string) =>
      ((await visitor.textContent(`[data-certificate-field="${key}"] dd`)) ?? '').trim();
    expect(await field('member')).toBe(MEMBER_NAME);
    expect(await field('cbo')).toContain(CBO_NAME_KM);
    expect(await field('module')).toContain(moduleTitleKm);
    expect(await field('date')).toMatch(KHMER_DIGIT);
    expect(await field('date')).not.toMatch(LATIN_DIGIT);
    expect(await field('trainers')).toBe('Test trainer');
    expect(await field('code')).toBe(code);
    expect(await contentWidth(visitor)).toBeLessThanOrEqual(360);
    await shot(visitor, '10-certificate-verified-km-360');
    await publicContext.close();

    // 7. The certificate PDF carries the member's Khmer name as text.
    const pdf = await memberContext.request.get(`${rig.web.url}/km/certificates/${code}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = (await pdfPages(Buffer.from(await pdf.body()))).join('\n').replace(/\s+/gu, ' ');
    expect(text).toContain(MEMBER_NAME);
    expect(text).toContain(CBO_NAME_KM);
    expect(text).toContain(code);
    await memberContext.close();

    // 8. The certificate's email, in Khmer, with its code and the link to its page.
    const mailed = await mailTo(/^វិញ្ញាបនបត្រ/);
    expect(mailed.Subject).toContain(moduleTitleKm);
    expect(mailed.Text).toContain(code);
    expect(mailed.Text).toContain(`/km/certificates/${code}`);
    expect((await mailbox.to(member.email)).filter((m) => /^វិញ្ញាបនបត្រ/.test(m.Subject))).toHaveLength(1);
    expect((await mailbox.to(member.email)).filter((m) => /^ការអញ្ជើញ/.test(m.Subject))).toHaveLength(1);
  }, 240_000);
});
