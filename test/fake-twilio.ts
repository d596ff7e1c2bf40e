import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import twilio from 'twilio';

export interface FakeMessage {
  sid: string;
  /** As sent: `+E164` for SMS, `whatsapp:+E164` for WhatsApp. */
  to: string;
  from: string | undefined;
  body: string;
  statusCallback: string | undefined;
  /** WhatsApp templates: the Content SID (`HX…`) and its variables, parsed from JSON. */
  contentSid?: string;
  contentVariables?: Record<string, string>;
}

/** Twilio's WhatsApp refusals the fake can give. */
export const WHATSAPP_NOT_A_USER = 63003;
export const WHATSAPP_OUTSIDE_WINDOW = 63016;

/**
 * A status callback Twilio owes us: the URL it posts to (the message's StatusCallback), its form
 * fields, and its X-Twilio-Signature, computed as Twilio does with the account's auth token.
 */
export interface StatusReport {
  url: string;
  params: Record<string, string>;
  signature: string;
}

interface LateRefusal {
  code: number;
  status: 'undelivered' | 'failed';
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
 *
 * WhatsApp: `To`/`From` as `whatsapp:+E164`, a `Body` or a `ContentSid` + `ContentVariables`.
 * A number marked `notOnWhatsApp` gets 400 / 63003 (synchronously, where real Twilio may report it
 * later by status callback). Free text (no ContentSid) goes only to numbers whose 24-hour window a
 * test opened with `openWhatsAppWindow`; otherwise 400 / 63016. A number marked `refuseWhatsAppLater`
 * has its WhatsApp messages accepted (201, queued) and then owes their status reports, `sent` then
 * `undelivered` (or `failed`) with the error code, as real Twilio does for most refusals; the test
 * posts them to the service when it chooses (`takeStatusReports`).
 */
export class FakeTwilio {
  readonly messages: FakeMessage[] = [];
  /** Every create request, answered or not, by destination. */
  readonly attempts: string[] = [];
  private readonly rules: FailureRule[] = [];
  private readonly held = new Set<ServerResponse>();
  private holding = false;
  private readonly notOnWhatsAppSet = new Set<string>();
  private readonly openWindows = new Set<string>();
  private readonly lateRefusals = new Map<string, LateRefusal>();
  private readonly owedReports: StatusReport[] = [];
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
      TWILIO_WHATSAPP_FROM: '+15005550007',
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

  /** WhatsApp sends to this number (E.164) are refused with 63003, as for a number not on WhatsApp. */
  notOnWhatsApp(phone: string): void {
    this.notOnWhatsAppSet.add(phone);
  }

  /** The number wrote to our WhatsApp number: free text to it is accepted. */
  openWhatsAppWindow(phone: string): void {
    this.openWindows.add(phone);
  }

  /**
   * WhatsApp messages to this number (E.164) are accepted, then reported `status` with Twilio error
   * `code` by status callback (see `takeStatusReports`).
   */
  refuseWhatsAppLater(
    phone: string,
    code: number,
    status: LateRefusal['status'] = 'undelivered',
  ): void {
    this.lateRefusals.set(phone, { code, status });
  }

  /** The status reports owed since the last call, oldest first; the test posts them. */
  takeStatusReports(): StatusReport[] {
    return this.owedReports.splice(0);
  }

  /** WhatsApp messages accepted for this number (E.164). */
  whatsappTo(phone: string): FakeMessage[] {
    return this.messages.filter((m) => m.to === `whatsapp:${phone}`);
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
      return this.refuse(res, rule.status, rule.code);
    }
    const whatsapp = to.startsWith('whatsapp:') ? to.slice('whatsapp:'.length) : null;
    if (whatsapp !== null) {
      const refusal = this.whatsappRefusal(whatsapp, form);
      if (refusal) return this.refuse(res, 400, refusal);
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
      ...(form.get('ContentSid')
        ? {
            contentSid: form.get('ContentSid') ?? undefined,
            contentVariables: JSON.parse(form.get('ContentVariables') ?? '{}') as Record<
              string,
              string
            >,
          }
        : {}),
    };
    this.messages.push(message);
    const late = whatsapp === null ? undefined : this.lateRefusals.get(whatsapp);
    if (late && message.statusCallback) {
      this.owedReports.push(
        this.statusReport(message, { MessageStatus: 'sent' }),
        this.statusReport(message, { MessageStatus: late.status, ErrorCode: String(late.code) }),
      );
    }
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

  /** The status report Twilio would post about `message`, with `fields` (MessageStatus, ErrorCode). */
  statusReport(
    message: FakeMessage,
    fields: { MessageStatus: string; ErrorCode?: string },
  ): StatusReport {
    const url = message.statusCallback ?? '';
    const params = {
      AccountSid: this.accountSid,
      MessageSid: message.sid,
      SmsSid: message.sid,
      To: message.to,
      From: message.from ?? '',
      ApiVersion: '2010-04-01',
      ...fields,
      SmsStatus: fields.MessageStatus,
    };
    const signature = twilio.getExpectedTwilioSignature(this.authToken, url, params);
    return { url, params, signature };
  }

  /** Why Twilio would refuse this WhatsApp request, as its error code; null if it would not. */
  private whatsappRefusal(phone: string, form: URLSearchParams): number | null {
    const from = form.get('From') ?? '';
    if (!from.startsWith('whatsapp:')) return 63007; // no WhatsApp sender for this From
    if (this.notOnWhatsAppSet.has(phone)) return WHATSAPP_NOT_A_USER;
    const contentSid = form.get('ContentSid');
    if (contentSid) return /^HX[0-9a-f]{32}$/i.test(contentSid) ? null : 21655;
    return this.openWindows.has(phone) ? null : WHATSAPP_OUTSIDE_WINDOW;
  }

  private refuse(res: ServerResponse, status: number, code: number): void {
    this.answer(res, status, {
      code,
      message: `Fake Twilio error ${code}`,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
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
