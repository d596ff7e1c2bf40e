import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`: give it to the app as SMTP_URL (with MAIL_DRIVER=smtp). */
  url: string;
  port: number;
  /** Every message accepted so far, parsed, in the order they arrived. */
  messages: ParsedMail[];
  /** The env an app needs to send here. */
  env: { MAIL_DRIVER: 'smtp'; SMTP_URL: string };
  /**
   * The next `times` messages are refused at RCPT TO with this SMTP code (e.g. 451 try later,
   * 550 no such mailbox), as a real server would.
   */
  refuseNext(code: number, times?: number): void;
  /** Resolves with the first message that matches once it has arrived; rejects after timeoutMs. */
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** The addresses a parsed message was sent to. */
export const recipientsOf = (mail: ParsedMail): string[] =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
    a.value.map((v) => (v.address ?? '').toLowerCase()),
  );

/** A message to this address (case-insensitive). */
export const to = (address: string) => (mail: ParsedMail) =>
  recipientsOf(mail).includes(address.toLowerCase());

/**
 * A real SMTP server in this process (smtp-server, no auth, no TLS, 127.0.0.1, a free port) that
 * keeps what it receives parsed by mailparser, so tests read mail as a person's client would.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  const refusals: number[] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const code = refusals.shift();
      if (code === undefined) return callback();
      const error = Object.assign(new Error(`Refused by the test (${code})`), {
        responseCode: code,
      });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;

  return {
    url,
    port,
    messages,
    env: { MAIL_DRIVER: 'smtp', SMTP_URL: url },
    refuseNext(code, times = 1) {
      for (let i = 0; i < times; i++) refusals.push(code);
    },
    waitFor(predicate, timeoutMs = 30_000) {
      return new Promise<ParsedMail>((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`No matching mail within ${timeoutMs} ms (${messages.length} received)`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
