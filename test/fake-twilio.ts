import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeMessage {
  sid: string;
  to: string;
  from: string | undefined;
  body: string;
  statusCallback: string | undefined;
}

interface FailureRule {
  remaining: number;
  status: number;
  code: number;
  to?: string;
}

/**
 * Just enough of Twilio's REST API for the real SDK: `POST /2010-04-01/Accounts/{sid}/Messages.json`
 * with basic auth. Records each message it accepts; can be told to answer errors for the next N
 * requests (optionally only to one number), or to hold requests unanswered, as a Twilio that is
 * slow while a worker dies. A held request whose client goes away was never accepted.
 */
export class FakeTwilio {
  readonly messages: FakeMessage[] = [];
  /** Every create request, answered or not, by destination. */
  readonly attempts: string[] = [];
  private readonly rules: FailureRule[] = [];
  private readonly held = new Set<ServerResponse>();
  private holding = false;
  private server?: Server;

  constructor(
    readonly accountSid = `AC${randomBytes(16).toString('hex')}`,
    readonly authToken = randomBytes(16).toString('hex'),
  ) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** The environment that points the service's real Twilio driver at this fake. */
  get env(): Record<string, string> {
    return {
      SMS_DRIVER: 'twilio',
      TWILIO_ACCOUNT_SID: this.accountSid,
      TWILIO_AUTH_TOKEN: this.authToken,
      TWILIO_FROM: '+15005550006',
      TWILIO_API_BASE_URL: this.url,
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** The next `count` requests (to `to`, if given) get `status` with Twilio error `code`. */
  failNext(count: number, status: number, code: number, to?: string): void {
    this.rules.push({ remaining: count, status, code, to });
  }

  /** From now on, requests wait unanswered. */
  hold(): void {
    this.holding = true;
  }

  /** Stops holding; requests still waiting are dropped (their clients are expected gone). */
  release(): void {
    this.holding = false;
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  get heldCount(): number {
    return this.held.size;
  }

  sentTo(phone: string): FakeMessage[] {
    return this.messages.filter((m) => m.to === phone);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = `/2010-04-01/Accounts/${this.accountSid}/Messages.json`;
    const expectedAuth = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (req.method !== 'POST' || req.url !== path) return this.answer(res, 404, { code: 20404 });
    if (req.headers.authorization !== expectedAuth) return this.answer(res, 401, { code: 20003 });

    const form = new URLSearchParams(await readBody(req));
    const to = form.get('To') ?? '';
    this.attempts.push(to);

    const rule = this.rules.find((r) => r.remaining > 0 && (!r.to || r.to === to));
    if (rule) {
      rule.remaining--;
      return this.answer(res, rule.status, {
        code: rule.code,
        message: `Fake Twilio error ${rule.code}`,
        more_info: `https://www.twilio.com/docs/errors/${rule.code}`,
        status: rule.status,
      });
    }
    if (this.holding) {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    const message: FakeMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from: form.get('From') ?? form.get('MessagingServiceSid') ?? undefined,
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback') ?? undefined,
    };
    this.messages.push(message);
    this.answer(res, 201, {
      sid: message.sid,
      account_sid: this.accountSid,
      to: message.to,
      from: message.from,
      body: message.body,
      status: 'queued',
      date_created: new Date().toUTCString(),
      api_version: '2010-04-01',
    });
  }

  private answer(res: ServerResponse, status: number, body: object): void {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', reject);
  });
}
