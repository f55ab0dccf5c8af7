import { loadOrchestratorConfig } from './env';

describe("the orchestrator's mail configuration", () => {
  it('sends to the local Mailpit by default, from the project sender', () => {
    expect(loadOrchestratorConfig({})).toMatchObject({
      SMTP_URL: 'smtp://127.0.0.1:1025',
      MAIL_FROM: 'Bandanh <no-reply@bandanh.local>',
    });
  });

  it("takes an organisation's relay with TLS and credentials, and a sender of its own", () => {
    const config = loadOrchestratorConfig({
      SMTP_URL: 'smtps://mailer:s3cret@relay.example.org:465',
      MAIL_FROM: 'Human Rights Network <network@example.org>',
    });
    expect(config.SMTP_URL).toBe('smtps://mailer:s3cret@relay.example.org:465');
    expect(config.MAIL_FROM).toBe('Human Rights Network <network@example.org>');
  });

  it('stops at boot on a relay that is not an SMTP URL, or a sender that is not an address, without echoing them', () => {
    const attempt = () =>
      loadOrchestratorConfig({ SMTP_URL: 'http://mailer:s3cret@relay.example.org', MAIL_FROM: 'nobody' });
    expect(attempt).toThrow(/SMTP_URL must be a URL like smtp:/);
    expect(attempt).toThrow(/MAIL_FROM must be an address/);
    expect(attempt).not.toThrow(/s3cret/);
  });
});

describe("the orchestrator's web address, for the links in emails", () => {
  it('is the local web by default, and a deployment’s own without a trailing slash', () => {
    expect(loadOrchestratorConfig({}).WEB_URL).toBe('http://localhost:3000');
    expect(loadOrchestratorConfig({ WEB_URL: 'https://bandanh.example.org/' }).WEB_URL).toBe(
      'https://bandanh.example.org',
    );
  });

  it('stops at boot on an address that is not the http(s) address of the web', () => {
    expect(() => loadOrchestratorConfig({ WEB_URL: 'ftp://bandanh.example.org' })).toThrow(
      /WEB_URL must be the http\(s\) address of the web/,
    );
  });
});

describe("the training sessions' reminder leads", () => {
  it('are three days and one day before the start by default, and a deployment’s own list', () => {
    expect(loadOrchestratorConfig({}).TRAINING_REMINDER_LEADS).toEqual(['3 days', '1 day']);
    expect(loadOrchestratorConfig({ TRAINING_REMINDER_LEADS: ' 36h, 2h ,' }).TRAINING_REMINDER_LEADS).toEqual(
      ['36h', '2h'],
    );
  });

  it('stop at boot on a lead that is not a duration, or an empty list', () => {
    expect(() => loadOrchestratorConfig({ TRAINING_REMINDER_LEADS: '3 days,soon' })).toThrow(
      /TRAINING_REMINDER_LEADS must be durations separated by commas/,
    );
    expect(() => loadOrchestratorConfig({ TRAINING_REMINDER_LEADS: ' , ' })).toThrow(
      /TRAINING_REMINDER_LEADS must be durations/,
    );
  });
});

describe("the grant applications' task timings", () => {
  it('give each step its own due time, and ask again for reviewers after an hour, by default', () => {
    expect(loadOrchestratorConfig({})).toMatchObject({
      GRANT_ELIGIBILITY_DUE: '5 days',
      GRANT_REVIEW_DUE: '10 days',
      GRANT_APPROVAL_DUE: '5 days',
      GRANT_REVIEWER_RETRY: '1 hour',
    });
    expect(
      loadOrchestratorConfig({ GRANT_REVIEW_DUE: '2 weeks', GRANT_REVIEWER_RETRY: '30 minutes' }),
    ).toMatchObject({ GRANT_REVIEW_DUE: '2 weeks', GRANT_REVIEWER_RETRY: '30 minutes' });
  });

  it('stop at boot on a value that is not a duration, naming it', () => {
    expect(() => loadOrchestratorConfig({ GRANT_APPROVAL_DUE: 'soon' })).toThrow(
      /GRANT_APPROVAL_DUE must be a duration/,
    );
    expect(() => loadOrchestratorConfig({ GRANT_REVIEWER_RETRY: 'later' })).toThrow(
      /GRANT_REVIEWER_RETRY must be a duration/,
    );
  });
});
