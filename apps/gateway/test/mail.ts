// Mail as the tests read it: Mailpit's API (the running one on :8025, or one a test starts on
// ports of its own), searched by recipient so that every test sees only the messages it sent.
import { waitFor } from '@bandanh/platform/testing';
import { freePort, startToolProcess, toolBinary } from './tool-server';

export { freePort };

export interface MailSummary {
  ID: string;
  Subject: string;
  To: Array<{ Address: string }>;
}

export interface MailMessage extends MailSummary {
  Text: string;
  Headers?: Record<string, string[]>;
}

export class Mailbox {
  constructor(readonly apiUrl = process.env.MAILPIT_URL ?? 'http://127.0.0.1:8025') {}

  async to(address: string): Promise<MailSummary[]> {
    const response = await fetch(`${this.apiUrl}/api/v1/search?query=${encodeURIComponent(`to:${address}`)}`);
    if (!response.ok) throw new Error(`Mailpit search answered ${response.status}`);
    return ((await response.json()) as { messages: MailSummary[] }).messages;
  }

  async message(id: string): Promise<MailMessage> {
    const response = await fetch(`${this.apiUrl}/api/v1/message/${id}`);
    if (!response.ok) throw new Error(`Mailpit message answered ${response.status}`);
    return (await response.json()) as MailMessage;
  }

  /** The one message to `address`, once it has arrived. */
  async only(address: string, timeoutMs = 30_000): Promise<MailMessage> {
    const [summary] = await waitFor(
      async () => {
        const found = await this.to(address);
        return found.length > 0 ? found : undefined;
      },
      { what: `a message to ${address}`, timeoutMs },
    );
    return this.message(summary.ID);
  }

  /** Deletes the messages to these addresses (what this test sent), leaving the rest of the inbox. */
  async remove(addresses: string[]): Promise<void> {
    const ids = (await Promise.all(addresses.map((address) => this.to(address)))).flat().map((m) => m.ID);
    if (ids.length === 0) return;
    await fetch(`${this.apiUrl}/api/v1/messages`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ IDs: ids }),
    });
  }
}

/** A Mailpit of the test's own, on the given SMTP port and a free API port, until `stop()`. */
export async function startMailpit(
  smtpPort: number,
): Promise<{ mailbox: Mailbox; stop: () => Promise<void> }> {
  const apiPort = await freePort();
  const server = startToolProcess(toolBinary('mailpit', 'MAILPIT_BIN', 'Mailpit is not built'), [
    '--smtp',
    `127.0.0.1:${smtpPort}`,
    '--listen',
    `127.0.0.1:${apiPort}`,
    '--quiet',
  ]);
  const mailbox = new Mailbox(`http://127.0.0.1:${apiPort}`);
  await waitFor(async () => ((await fetch(`${mailbox.apiUrl}/api/v1/messages`)).ok ? true : undefined), {
    what: 'the test Mailpit to answer',
  });
  return { mailbox, stop: server.stop };
}
