import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The message's key, so a relay's log names the event. */
  key: string;
}

/** The SMTP relay (`SMTP_URL`, locally Mailpit): the only code that knows nodemailer. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig) {
    // The relay's URL carries its host, port, TLS and credentials; the sender is every message's.
    this.transport = createTransport(config.SMTP_URL, { from: config.MAIL_FROM });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'X-Bandanh-Notification': mail.key },
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** A refusal of the relay that no retry changes: a permanent SMTP answer (5xx). */
export function isPermanentSmtpRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
