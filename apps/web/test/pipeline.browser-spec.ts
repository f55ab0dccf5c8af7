import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitFor } from '@bandanh/platform/testing';
import { STAFF, type TestAccount } from '../../gateway/test/stack';
import { ensureAccounts } from '../../identity/src/app';
import { loadIdentityConfig } from '../../identity/src/config/env';
import { api, newPage, sessionCookie, signInOnPage, SUBMIT, useWebRig } from './browser';
import { pdfPages } from './pdf-text';

const KHMER_NAME = 'សហគមន៍នេសាទអូរតាគី';
const LATIN_NAME = 'Ou Ta Ki Fishing Community';

/** One person who holds both roles: they may assess, and approve, but never what they assessed. */
const ASSESSOR_APPROVER: TestAccount = {
  email: 'assessor-approver@test.bandanh',
  password: 'a long test passphrase',
  roles: ['assessor', 'approver'],
  totpSecret: STAFF.approver.totpSecret,
};

/** A needs assessment sent through the API, for the CBOs whose assessment is not what a test is about. */
const ASSESSMENT = {
  membersWomen: 8,
  membersMen: 6,
  ongoingActivities: 'Land dispute documentation',
  plannedActivities: 'Training on land law',
  ambitions: 'Titles for the community',
  leadership: 'A village committee',
  meetingsHeld: 4,
  recordsKept: false,
  registration: 'not_registered',
  risks: 'Eviction',
};

/** The PDF's text, its pages joined and its spaces collapsed. */
async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfPages(pdf)).join('\n').replace(/\s+/gu, ' ');
}

describe("a CBO's way from recording to the directory, through the web", () => {
  const rig = useWebRig('web-pipeline');
  let coordinator: string;
  /** The CBO the tests follow from recording to the directory. */
  let cboId: string;
  /** The session of the person who is both assessor and approver. */
  let dualToken: string;

  beforeAll(async () => {
    coordinator = await rig.stack.tokenFor(STAFF.coordinator);
    await ensureAccounts(loadIdentityConfig(rig.stack.env), [
      { ...ASSESSOR_APPROVER, displayName: 'Test assessor and approver', kind: 'staff' },
    ]);
  });

  const total = async () => {
    const { body } = await api<{ total: number }>(rig.stack.gatewayUrl, '/api/cbos?limit=1', {
      token: coordinator,
    });
    return body.total;
  };

  async function recordByApi(draft: Record<string, unknown>): Promise<string> {
    const created = await api<{ cbo: { id: string } }>(rig.stack.gatewayUrl, '/api/cbos', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: draft,
    });
    expect(created.status).toBe(201);
    return created.body.cbo.id;
  }

  /** Waits for the pipeline to reach a stage: its first moves are the workflow's own, just after recording. */
  const stageReached = (id: string, stage: string) =>
    waitFor(
      async () => {
        const { body } = await api<{ stage: string }>(rig.stack.gatewayUrl, `/api/cbos/${id}/pipeline`, {
          token: coordinator,
        });
        return body?.stage === stage ? true : undefined;
      },
      { timeoutMs: 15_000, what: `the CBO to reach ${stage}` },
    );

  /** Opens a page, signing in on the way: the web sends the browser to sign in first, then back. */
  async function openSignedIn(page: Page, url: string, account: Pick<TestAccount, 'email' | 'password'>) {
    await page.goto(`${rig.web.url}${url}`);
    await signInOnPage(page, account);
  }

  /** The inbox, reloaded until the task for this CBO has been opened by its workflow. */
  async function taskIn(page: Page, kind: string, label: string) {
    const task = page.locator(`[data-task-kind=${kind}]`, { hasText: label });
    await waitFor(
      async () => {
        if ((await task.count()) > 0) return true;
        await page.reload();
        return undefined;
      },
      { timeoutMs: 15_000, what: `a ${kind} task in the inbox` },
    );
    return task;
  }

  async function fillRecordForm(page: Page) {
    await page.fill('#name', LATIN_NAME);
    await page.fill('#nameKm', KHMER_NAME);
    await page.selectOption('#provinceCode', { label: 'បាត់ដំបង' });
    await page.fill('#district', 'Ratanak Mondul');
    await page.fill('#commune', 'Ta Kream');
    await page.fill('#village', 'Ou Ta Ki');
    await page.getByRole('checkbox', { name: 'នេសាទ', exact: true }).check();
    await page.getByRole('checkbox', { name: 'ដីធ្លី', exact: true }).check();
    await page.fill('#membersCount', '45');
    await page.fill('#contacts-0-name', 'Sok Dara');
    await page.fill('#contacts-0-phone', '012 345 678');
    await page.fill('#contacts-0-role', 'Chair');
    await page.getByRole('checkbox', { name: /ក្រុមយល់ព្រមឱ្យផ្សព្វផ្សាយ/ }).check();
    await page.fill('#about', 'ល្បាតដែននេសាទសហគមន៍ និងការពារព្រៃលិចទឹក។');
    await page.selectOption('#foundVia', { label: 'ការចុះមូលដ្ឋាន' });
  }

  it('records a CBO in Khmer with both its names, then shows the likely duplicate instead of recording it twice', async () => {
    const [context, page] = await newPage(rig.browser, { locale: 'km-KH' });
    await openSignedIn(page, '/km/cbos/new', STAFF.coordinator);
    await page.waitForURL(/\/km\/cbos\/new$/);

    // A contact row with a phone but no name is refused, in Khmer, next to that row.
    await fillRecordForm(page);
    await page.fill('#contacts-1-phone', '097 111 222');
    await page.click(SUBMIT);
    await page.getByText('សូមផ្តល់ឈ្មោះអ្នកទំនាក់ទំនងនេះ ឬទុកជួរទាំងមូលទទេ។').waitFor();
    expect(await page.getAttribute('#contacts-1-name', 'aria-invalid')).toBe('true');
    await page.fill('#contacts-1-phone', '');
    const before = await total();
    await page.click(SUBMIT);
    await page.waitForURL(/\/km\/cbos\?created=/);
    cboId = new URL(page.url()).searchParams.get('created')!;
    const item = page.locator(`li[data-cbo-id="${cboId}"]`);
    await expect(item.locator('.name').textContent()).resolves.toBe(`${KHMER_NAME} · ${LATIN_NAME}`);
    await expect(item.locator('[data-focus-issues]').textContent()).resolves.toBe('ដីធ្លី, នេសាទ');
    expect(await total()).toBe(before + 1);

    // Its page has every fact the coordinator entered.
    await page.goto(`${rig.web.url}/km/cbos/${cboId}`);
    const facts = (await page.locator(`[data-cbo-id="${cboId}"] dl`).textContent()) ?? '';
    for (const fact of [
      'Ou Ta Ki, Ta Kream, Ratanak Mondul, បាត់ដំបង',
      '45',
      'Sok Dara',
      '012 345 678',
      'ល្បាតដែននេសាទ',
    ]) {
      expect(facts).toContain(fact);
    }

    // Met again on a field visit: the coordinator sees the group is recorded before anything is
    // saved, and links the visit to it instead.
    const visit = await api<{ visit: { id: string } }>(rig.stack.gatewayUrl, '/api/field-visits', {
      token: coordinator,
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: { provinceCode: 'KH-2', commune: 'Ta Kream', visitedOn: new Date().toISOString().slice(0, 10) },
    });
    expect(visit.status).toBe(201);
    const visitId = visit.body.visit.id;
    await page.goto(`${rig.web.url}/km/cbos/new?fieldVisitId=${visitId}`);
    expect(await page.inputValue('#fieldVisitId')).toBe(visitId);
    await fillRecordForm(page);
    await page.click(SUBMIT);
    const duplicates = page.locator('[data-duplicates]');
    await duplicates.getByText('តើវាជាក្រុមមួយក្នុងចំណោមក្រុមទាំងនេះឬទេ?').waitFor();
    const duplicate = duplicates.locator(`[data-duplicate-id="${cboId}"]`);
    await expect(duplicate.locator('a').getAttribute('href')).resolves.toBe(`/km/cbos/${cboId}`);
    expect(await total()).toBe(before + 1);
    await duplicate.getByRole('button', { name: 'ជាក្រុមនេះហើយ — ភ្ជាប់វាទៅការចុះមូលដ្ឋាន' }).click();
    await page.waitForURL(new RegExp(`/km/cbos/${cboId}\\?visitLinked=1$`));
    const visits = await api<{ items: Array<{ id: string; cbosMet: Array<{ id: string }> }> }>(
      rig.stack.gatewayUrl,
      '/api/field-visits',
      { token: coordinator },
    );
    expect(visits.body.items.find((v) => v.id === visitId)?.cbosMet.map((c) => c.id)).toEqual([cboId]);
    expect(await total()).toBe(before + 1);

    // The same group again, from another form, without a visit.
    await page.goto(`${rig.web.url}/km/cbos/new`);
    await fillRecordForm(page);
    await page.click(SUBMIT);
    await duplicates.locator(`[data-duplicate-id="${cboId}"]`).waitFor();
    expect(await duplicates.getByRole('button').count()).toBe(0);

    // Saving it anyway is a choice: ticked, it records a second CBO (which is then withdrawn).
    await page.locator('[data-acknowledge-duplicates]').check();
    await page.click(`main form#cbo-form > button[type=submit]`);
    await page.waitForURL(/\/km\/cbos\?created=/);
    const second = new URL(page.url()).searchParams.get('created')!;
    expect(second).not.toBe(cboId);
    expect(await total()).toBe(before + 2);

    await stageReached(second, 'assessment');
    await page.goto(`${rig.web.url}/km/cbos/${second}`);
    await page.locator('[data-withdraw] summary').click();
    await page.fill('#withdraw-reason', 'កត់ត្រាពីរដង');
    await page.locator('[data-withdraw-form] button[type=submit]').click();
    await page.waitForURL(/done=withdrawn/);
    await expect(page.locator('[data-cbo-id] [data-stage]').textContent()).resolves.toBe('បានដកខ្លួន');
    await context.close();
  });

  it('lets the assessor open it from the inbox and record the assessment with its scores, but not decide', async () => {
    const [context, page] = await newPage(rig.browser);
    await openSignedIn(page, '/en/tasks', STAFF.assessor);
    await page.waitForURL(/\/en\/tasks$/);
    const task = await taskIn(page, 'assess_cbo', LATIN_NAME);
    await expect(task.textContent()).resolves.toContain('Assessor');
    await task.getByRole('link').click();
    await page.waitForURL(new RegExp(`/en/cbos/${cboId}$`));

    // Nothing scored: each criterion says so, and the CBO stays where it is.
    const form = page.locator('[data-assessment-form]');
    await form.locator('button[type=submit]').click();
    await form.locator('[data-criterion=reach]').getByText('Choose a score.').waitFor();
    expect(await form.locator('#leadership').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Women members', { exact: true }).fill('20');
    await form.getByLabel('Men members', { exact: true }).fill('25');
    await form
      .getByLabel('Ongoing activities', { exact: true })
      .fill('Patrols of the community fishing area');
    await form
      .getByLabel('Planned activities', { exact: true })
      .fill('A complaint about illegal fishing to the province');
    await form.getByLabel('Ambitions', { exact: true }).fill('Secure the community fishing rights');
    await form.getByLabel('Leadership', { exact: true }).fill('A committee of five, elected every two years');
    await form.getByLabel('Meetings held in the last year', { exact: true }).fill('12');
    await form.getByLabel(/keeps records/).check();
    await form
      .getByLabel('Registration', { exact: true })
      .selectOption({ label: 'Registration in progress' });
    await form.getByLabel('Risks faced', { exact: true }).fill('Threats from illegal fishers');
    const scores = { organisation: 4, activities: 3, commitment: 5, reach: 2 };
    for (const [key, score] of Object.entries(scores)) {
      await form.locator(`[data-criterion=${key}]`).getByLabel(String(score), { exact: true }).check();
    }
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/done=assessed/);

    // 4/5 of 30, 3/5 of 25, 5/5 of 25 and 2/5 of 20: 72 out of 100.
    const assessment = page.locator('[data-assessments] [data-assessment-id]');
    await expect(assessment.locator('[data-total]').getAttribute('data-total')).resolves.toBe('72');
    await assessment.getByText('Total: 72 out of 100').waitFor();
    await expect(assessment.locator('[data-part=commitment] td').first().textContent()).resolves.toBe(
      '5 of 5',
    );
    await expect(page.locator('[data-cbo-id] [data-stage]').textContent()).resolves.toBe('Selection');
    expect(await page.locator('[data-decision-form]').count()).toBe(0);
    // Right after the assessment the page says what the pipeline itself waits for: the
    // approver's decision, whose task is not in the assessor's inbox. Not "No open task".
    const waiting = page.locator('[data-waiting-for=selection]');
    await expect(waiting.getAttribute('data-task-open')).resolves.toBe('true');
    await expect(waiting.textContent()).resolves.toBe(
      "Waiting for an approver's decision: the task is in the approvers' inbox.",
    );
    await expect(page.textContent('main')).resolves.not.toContain('No open task');
    await context.close();
  });

  it('tells an approver who assessed a CBO that another approver must decide it (four eyes)', async () => {
    const other = await recordByApi({
      name: 'Prey Chhor Land Network',
      provinceCode: 'KH-3',
      focusIssues: ['land'],
      foundVia: 'referral',
    });
    await stageReached(other, 'assessment');

    const [context, page] = await newPage(rig.browser);
    await openSignedIn(page, `/en/cbos/${other}`, ASSESSOR_APPROVER);
    await page.waitForURL(new RegExp(`/en/cbos/${other}$`));
    dualToken = (await sessionCookie(context))!.value;
    const assessed = await api(rig.stack.gatewayUrl, `/api/cbos/${other}/assessment`, {
      token: dualToken,
      method: 'POST',
      body: { ...ASSESSMENT, scores: { organisation: 2, activities: 2, commitment: 3, reach: 2 } },
    });
    expect(assessed.status).toBe(200);

    await page.reload();
    await page
      .locator('[data-four-eyes]')
      .getByText('another approver must decide (four eyes)', { exact: false })
      .waitFor();
    expect(await page.locator('[data-decision-form]').count()).toBe(0);
    await context.close();
  });

  it('lets the approver who did not assess it select it, in Khmer; a page out of date changes nothing', async () => {
    // Two more CBOs, assessed, wait for an approver.
    const assessor = await rig.stack.tokenFor(STAFF.assessor);
    const [withdrawnMeanwhile, decidedMeanwhile] = await Promise.all(
      [
        { name: 'Stung Treng River Guardians', provinceCode: 'KH-19' },
        { name: 'Kratie Dolphin Pool Keepers', provinceCode: 'KH-10' },
      ].map(async (cbo) => {
        const id = await recordByApi({ ...cbo, focusIssues: ['fisheries'], foundVia: 'referral' });
        await stageReached(id, 'assessment');
        const assessed = await api(rig.stack.gatewayUrl, `/api/cbos/${id}/assessment`, {
          token: assessor,
          method: 'POST',
          body: { ...ASSESSMENT, scores: { organisation: 3, activities: 3, commitment: 3, reach: 3 } },
        });
        expect(assessed.status).toBe(200);
        return id;
      }),
    );

    const [context, page] = await newPage(rig.browser, { locale: 'km-KH' });
    await openSignedIn(page, '/km/tasks', STAFF.approver);
    await page.waitForURL(/\/km\/tasks$/);
    const task = await taskIn(page, 'decide_selection', LATIN_NAME);
    await task.getByRole('link').click();
    await page.waitForURL(new RegExp(`/km/cbos/${cboId}$`));

    const form = page.locator('[data-decision-form]');
    await form.getByText('ការវាយតម្លៃចុងក្រោយរបស់វាទទួលបាន 72 ពិន្ទុលើ ១០០', { exact: false }).waitFor();
    // Declining needs the reason the CBO will read.
    await form.getByRole('button', { name: 'បដិសេធ', exact: true }).click();
    await form.getByText('សូមផ្តល់មូលហេតុ។').waitFor();
    await form.getByRole('button', { name: 'ជ្រើសរើសជាសមាជិកបណ្ដាញ' }).click();
    // The decision is recorded only once the approver confirms it.
    await form.locator('[data-confirm-decision=selected]').getByRole('button', { name: 'បញ្ជាក់' }).click();
    await page.waitForURL(/done=decided/);
    await expect(page.locator('[data-cbo-id] [data-stage]').textContent()).resolves.toBe('សមាជិកបណ្ដាញ');
    await page.locator('[data-decision=selected]').waitFor();

    // A CBO's page is open while another approver selects it: declining it is refused, and says where it is.
    await page.goto(`${rig.web.url}/km/cbos/${decidedMeanwhile}`);
    const stale = page.locator('[data-decision-form]');
    await stale.waitFor();
    const decided = await api(rig.stack.gatewayUrl, `/api/cbos/${decidedMeanwhile}/decision`, {
      token: dualToken,
      method: 'POST',
      body: { outcome: 'selected' },
    });
    expect(decided.status).toBe(200);
    await stale.getByLabel('មូលហេតុ', { exact: true }).fill('សកម្មភាពតិចពេក');
    await stale.getByRole('button', { name: 'បដិសេធ', exact: true }).click();
    await stale
      .locator('[data-step-error=wrongStage]')
      .getByText('ទំព័រនេះហួសសម័យហើយ៖ ឥឡូវនេះអង្គការសហគមន៍ស្ថិតនៅដំណាក់កាល សមាជិកបណ្ដាញ។', { exact: false })
      .waitFor();

    // And one the coordinator withdraws meanwhile, which ends its pipeline.
    await page.goto(`${rig.web.url}/km/cbos/${withdrawnMeanwhile}`);
    await stale.waitFor();
    const withdrawn = await api(rig.stack.gatewayUrl, `/api/cbos/${withdrawnMeanwhile}/withdrawal`, {
      token: coordinator,
      method: 'POST',
      body: { reason: 'The group disbanded' },
    });
    expect(withdrawn.status).toBe(200);
    await stale.getByRole('button', { name: 'ជ្រើសរើសជាសមាជិកបណ្ដាញ' }).click();
    await stale
      .locator('[data-step-error=wrongStage]')
      .getByText('ឥឡូវនេះអង្គការសហគមន៍ស្ថិតនៅដំណាក់កាល បានដកខ្លួន។', { exact: false })
      .waitFor();

    for (const [id, stage] of [
      [decidedMeanwhile, 'participant'],
      [withdrawnMeanwhile, 'withdrawn'],
    ]) {
      const { body } = await api<{ stage: string }>(rig.stack.gatewayUrl, `/api/cbos/${id}/pipeline`, {
        token: coordinator,
      });
      expect(body.stage).toBe(stage);
    }
    await context.close();
  });

  it('lists the new participant in the public directory, found by part of its Khmer name, and in the PDF', async () => {
    const [context, page] = await newPage(rig.browser);
    await page.goto(`${rig.web.url}/en/directory?q=${encodeURIComponent('អូរតាគី')}`);
    await page.getByText(KHMER_NAME).first().waitFor();
    await context.close();

    const response = await fetch(`${rig.web.url}/km/directory/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain(KHMER_NAME);
    expect(text).toContain(LATIN_NAME);
  });

  it('shows a development group recorded during the pilot as declined, with the reason in the reader’s language', async () => {
    const [context, page] = await newPage(rig.browser);
    await openSignedIn(page, '/en/cbos/new', STAFF.coordinator);
    await page.waitForURL(/\/en\/cbos\/new$/);
    await page.fill('#name', 'Kampong Chhnang Savings Group');
    await page.selectOption('#provinceCode', { label: 'Kampong Chhnang' });
    await page.getByRole('checkbox', { name: 'Other', exact: true }).check();
    await page.getByRole('radio', { name: 'Development' }).check();
    await page.selectOption('#foundVia', { label: 'Grassroots contact' });
    await page.click(SUBMIT);
    await page.waitForURL(/\/en\/cbos\?created=/);
    const id = new URL(page.url()).searchParams.get('created')!;
    await stageReached(id, 'declined');

    await page.goto(`${rig.web.url}/en/cbos/${id}`);
    const decision = page.locator('[data-decision=declined]');
    await decision
      .getByText('During the pilot, the network takes only groups working on human rights', { exact: false })
      .waitFor();
    expect(await page.locator('main').textContent()).not.toContain('rule:');
    // It may be assessed again only after the waiting time, and the page says from when.
    const reassess = page.locator('[data-reassess-form]');
    await reassess.getByText('The CBO may be assessed again from', { exact: false }).waitFor();
    expect(await reassess.locator('button[type=submit]').isDisabled()).toBe(true);

    await page.goto(`${rig.web.url}/km/cbos/${id}`);
    await page
      .locator('[data-decision=declined]')
      .getByText('ក្នុងដំណាក់កាលសាកល្បង បណ្ដាញទទួលយកតែក្រុមដែលធ្វើការលើសិទ្ធិមនុស្សប៉ុណ្ណោះ', { exact: false })
      .waitFor();
    await context.close();
  });
});
