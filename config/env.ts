import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { NotificationTemplate } from '../src/notifications/notification-templates';
import { isProduction } from './node-env';
import {
  DEV_CONCERN_KEY,
  DEV_CONCERN_KEY_ID,
  DEV_CONSENT_EVIDENCE_SECRET,
  DEV_JWT_SECRET,
  DEV_LINK_SECRET,
  NamedSecret,
  secretErrors,
} from './secrets';

export enum AppRole {
  Api = 'api',
  Worker = 'worker',
  All = 'all',
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const MESSAGE_TYPES: readonly string[] = Object.values(NotificationTemplate);

/** Parses `keyId:base64key,...` into 32-byte AES keys; undefined when malformed. */
export function parseKeyRing(value: unknown): Map<string, Buffer> | undefined {
  if (typeof value !== 'string') return undefined;
  const ring = new Map<string, Buffer>();
  for (const entry of value.split(',')) {
    const [id, key, ...rest] = entry.trim().split(':');
    if (rest.length > 0 || !id || !KEY_ID.test(id) || !key || ring.has(id)) return undefined;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key)) return undefined;
    const bytes = Buffer.from(key, 'base64');
    if (bytes.length !== 32) return undefined;
    ring.set(id, bytes);
  }
  return ring;
}

function IsKeyRing(): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isKeyRing',
      target: target.constructor,
      propertyName: property as string,
      options: {
        message: `${String(property)} must be keyId:base64key pairs separated by commas, each key 32 bytes`,
      },
      validator: { validate: (value: unknown) => parseKeyRing(value) !== undefined },
    });
}

function IsActiveKeyOf(ringProperty: keyof Env): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isActiveKeyOf',
      target: target.constructor,
      propertyName: property as string,
      options: { message: `${String(property)} must name a key listed in ${ringProperty}` },
      validator: {
        validate: (value: unknown, args) =>
          typeof value === 'string' &&
          parseKeyRing((args?.object as Env)[ringProperty])?.has(value) === true,
      },
    });
}

const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;

/**
 * Parses `messageType=HX…,...` into a map; undefined when malformed, a type is unknown or named
 * twice. `types` are the message types that exist (NotificationTemplate's values).
 */
export function parseWhatsAppTemplates(
  value: unknown,
  types: readonly string[] = MESSAGE_TYPES,
): Map<string, string> | undefined {
  if (typeof value !== 'string') return undefined;
  const templates = new Map<string, string>();
  for (const entry of value.split(',')) {
    const [type, sid, ...rest] = entry.trim().split('=');
    if (rest.length > 0 || !type || !sid || templates.has(type)) return undefined;
    if (!types.includes(type) || !CONTENT_SID.test(sid)) return undefined;
    templates.set(type, sid);
  }
  return templates;
}

function IsWhatsAppTemplates(): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isWhatsAppTemplates',
      target: target.constructor,
      propertyName: property as string,
      options: {
        message: `${String(property)} must be messageType=HX… pairs separated by commas (types: ${MESSAGE_TYPES.join(', ')})`,
      },
      validator: { validate: (value: unknown) => parseWhatsAppTemplates(value) !== undefined },
    });
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/**
 * Every environment variable the service reads, with its default. Validated once at boot; a bad
 * value stops the process with a message naming the variable (see `.env.example`).
 */
export class Env {
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/volunteer_wellbeing';

  /**
   * Connections in this process's PostgreSQL pool. A request waits for a free one before its first
   * statement, so it bounds the transactions in flight; every API and worker process has its own
   * pool, and together they must stay under the server's max_connections (100 by default).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DATABASE_POOL_MAX = 25;

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key (Bull queues, rate limits), so deployments or test runs can share one Redis. */
  @Matches(/^[a-z0-9:_-]+$/i)
  REDIS_PREFIX = 'vws';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsEnum(AppRole)
  APP_ROLE: AppRole = AppRole.All;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  /** Access token lifetime in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_TTL_SECONDS = 900;

  /** Failed logins allowed per (account, client IP) in LOGIN_WINDOW_SECONDS before a lock. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_PER_ACCOUNT_IP = 5;

  /** Failed logins allowed per account from all IPs together in LOGIN_WINDOW_SECONDS: the loose ceiling. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_PER_ACCOUNT = 30;

  /** Failed logins allowed per client IP, whatever the account, in LOGIN_WINDOW_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_PER_IP = 100;

  /**
   * Whether /docs (Swagger UI) and /docs-json are served. Unset: on, except in production (see
   * config/node-env.ts), where the API's shape is not advertised unless asked for.
   */
  @IsOptional()
  @IsIn(['on', 'off'], { message: 'API_DOCS must be on or off' })
  API_DOCS?: 'on' | 'off';

  /** How long failures are remembered: a counter starts with the first failure and lasts this long. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** The first lock once a limit is passed; each further lock within a day doubles it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_SECONDS = 60;

  /** The longest a lock lasts, however often it repeats. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_MAX_SECONDS = 3600;

  /**
   * Express `trust proxy`: which peers may set X-Forwarded-For (the client IP for login limits).
   * `false` (the default) trusts no proxy; behind one, give the hop count (`1`) or its addresses.
   */
  @IsString()
  TRUST_PROXY = 'false';

  /** Lifetime of a browser's refresh token (the `vws_refresh` cookie); each refresh renews it. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  REFRESH_TTL_SECONDS = 14 * 24 * 3600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Years after a DBS certificate's issue date when a buddy's vetting lapses unless re-checked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  DBS_RECHECK_YEARS = 3;

  /** Weeks after a volunteer's return when their buddy pairing ends, unless set otherwise. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(104)
  PAIRING_WEEKS_AFTER_RETURN = 8;

  /** How far ahead check-in calls are materialised (weeks). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(26)
  CHECKIN_HORIZON_WEEKS = 8;

  @IsIn(['log', 'twilio'])
  SMS_DRIVER: 'log' | 'twilio' = 'log';

  @ValidateIf((env: Env) => env.SMS_DRIVER === 'twilio')
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'TWILIO_ACCOUNT_SID must look like AC + 32 hex' })
  TWILIO_ACCOUNT_SID?: string;

  @ValidateIf((env: Env) => env.SMS_DRIVER === 'twilio')
  @IsString()
  @MinLength(16)
  TWILIO_AUTH_TOKEN?: string;

  @ValidateIf((env: Env) => env.SMS_DRIVER === 'twilio' && !env.TWILIO_MESSAGING_SERVICE_SID)
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'TWILIO_FROM must be an E.164 number' })
  TWILIO_FROM?: string;

  @IsOptional()
  @Matches(/^MG[0-9a-fA-F]{32}$/)
  TWILIO_MESSAGING_SERVICE_SID?: string;

  /**
   * Whether people may choose WhatsApp for their texts. With SMS_DRIVER=twilio it needs
   * TWILIO_WHATSAPP_FROM; templates (TWILIO_WHATSAPP_TEMPLATES) are needed outside the 24-hour window.
   */
  @IsIn(['true', 'false'])
  WHATSAPP_ENABLED: 'true' | 'false' = 'false';

  /** The channel of texts for someone who has not chosen: `sms` or `whatsapp`. */
  @IsIn(['sms', 'whatsapp'])
  TEXT_CHANNEL_DEFAULT: 'sms' | 'whatsapp' = 'sms';

  /** Our WhatsApp sender number (E.164, without `whatsapp:`). */
  @ValidateIf((env: Env) => env.SMS_DRIVER === 'twilio' && env.WHATSAPP_ENABLED === 'true')
  @Matches(/^\+[1-9]\d{6,14}$/, {
    message: 'TWILIO_WHATSAPP_FROM must be an E.164 number when WhatsApp is enabled with Twilio',
  })
  TWILIO_WHATSAPP_FROM?: string;

  /**
   * Pre-approved WhatsApp templates, one Twilio Content SID per message type:
   * `session_reminder=HX…,session_confirmation=HX…`. A type without one goes by SMS outside the
   * 24-hour window.
   */
  @IsOptional()
  @IsWhatsAppTemplates()
  TWILIO_WHATSAPP_TEMPLATES?: string;

  /** How mail leaves: `log` records it on the outbox row and prints a line; `smtp` sends it. */
  @IsIn(['log', 'smtp'])
  MAIL_DRIVER: 'log' | 'smtp' = 'log';

  /**
   * The SMTP server, e.g. `smtp://user:pass@host:587` (STARTTLS whenever the server offers it;
   * add `?requireTLS=true` to refuse a server that does not) or `smtps://host:465` (TLS from the
   * first byte). Required when MAIL_DRIVER=smtp.
   */
  @ValidateIf((env: Env) => env.MAIL_DRIVER === 'smtp')
  @IsUrl(
    { protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true },
    { message: 'SMTP_URL must be a URL such as smtp://user:pass@host:587 when MAIL_DRIVER=smtp' },
  )
  SMTP_URL?: string;

  /** The sender of every mail: an address, or `Name <address>`. */
  @Matches(/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
    message: 'MAIL_FROM must be an address, or a name and <address>',
  })
  MAIL_FROM = 'Volunteer Wellbeing <no-reply@localhost>';

  /** Free slots start every this many minutes after local midnight on the therapist's clock. */
  @Transform(toInt)
  @IsIn([5, 10, 15, 20, 30, 60], {
    message: 'SLOT_GRID_MINUTES must be one of 5, 10, 15, 20, 30, 60',
  })
  SLOT_GRID_MINUTES = 30;

  /**
   * Where the service makes a video room for a video session whose therapist has no meeting link
   * of their own, e.g. https://meet.jit.si/ (a room name is appended). Unset: no rooms are made.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'VIDEO_ROOM_BASE_URL must be a URL such as https://meet.jit.si/' },
  )
  VIDEO_ROOM_BASE_URL?: string;

  /** A volunteer may request their therapy session from this many days before they return. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  SESSION_ELIGIBLE_DAYS_BEFORE_RETURN = 14;

  /** Where the Twilio SDK sends requests; only for staging and tests. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  TWILIO_API_BASE_URL?: string;

  /** Key for the HMACs of IP address and user agent kept as consent evidence (never the raw values). */
  @IsString()
  @MinLength(32, { message: 'CONSENT_EVIDENCE_SECRET must be at least 32 characters' })
  CONSENT_EVIDENCE_SECRET = DEV_CONSENT_EVIDENCE_SECRET;

  /** The data controller named on consent receipts. */
  @IsString()
  @MinLength(1)
  CONSENT_CONTROLLER_NAME = 'Volunteer Wellbeing Service';

  /** Where people write about their data (shown on consent receipts). */
  @IsEmail()
  CONSENT_CONTROLLER_EMAIL = 'privacy@example.org';

  /**
   * Keys that encrypt safeguarding text (AES-256-GCM): `keyId:base64(32 bytes)`, comma-separated.
   * Keep retired keys listed so older rows still decrypt.
   */
  @IsKeyRing()
  CONCERN_KEYS = `${DEV_CONCERN_KEY_ID}:${DEV_CONCERN_KEY}`;

  /** The key id in CONCERN_KEYS that encrypts new safeguarding text. */
  @Matches(KEY_ID, { message: 'CONCERN_ACTIVE_KEY_ID must be a key id (letters, digits, _ or -)' })
  @IsActiveKeyOf('CONCERN_KEYS')
  CONCERN_ACTIVE_KEY_ID = DEV_CONCERN_KEY_ID;

  /** Minutes before a session or check-in call when reminders go out, comma-separated. */
  @Matches(/^\s*[1-9]\d{0,5}\s*(,\s*[1-9]\d{0,5}\s*)*$/, {
    message: 'REMINDER_OFFSETS_MINUTES must be positive minutes separated by commas, e.g. 1440,60',
  })
  REMINDER_OFFSETS_MINUTES = '1440,60';

  /** Whether volunteers get call reminders too (buddies always do). */
  @IsIn(['true', 'false'])
  REMINDER_VOLUNTEER_CALLS: 'true' | 'false' = 'true';

  /** A reply by text counts as answering the latest reminder sent to that number this recently. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  REPLY_WINDOW_HOURS = 36;

  /** Quiet hours in each recipient's zone (HH:mm-HH:mm), or `off`. */
  @Matches(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, {
    message: 'QUIET_HOURS must look like 21:00-08:00, or be off',
  })
  QUIET_HOURS = '21:00-08:00';

  /** Send attempts per SMS before it is marked failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  SMS_MAX_ATTEMPTS = 5;

  /** First retry delay in milliseconds; each further retry waits twice as long. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  SMS_RETRY_BASE_MS = 30_000;

  /**
   * SMS sent at once by each worker process. Deliveries in flight together share their database
   * statements (src/common/batcher.ts), so more in flight is cheaper per text; Twilio answers 429
   * past the account's concurrency limit, which is retried.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SMS_WORKER_CONCURRENCY = 32;

  /** An SMS claimed longer ago than this by a worker that never finished is tried again. */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  SMS_SENDING_TIMEOUT_SECONDS = 300;

  /**
   * A pending text never tried and overdue by more than this gets a new job whatever Redis holds
   * for it (a live job never leaves it so long). Unset: 3 × SCHEDULE_SMS_SWEEP_SECONDS.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SMS_STUCK_PENDING_SECONDS?: number;

  // Periods of the worker's periodic tasks, in seconds. Each runs once per period across all
  // workers (see src/common/periodic.service.ts); tests shorten them.
  /** Puts pending texts that lost their Bull job back on the queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  SCHEDULE_SMS_SWEEP_SECONDS = 30;

  /** Ends finished buddy pairings and plans check-in calls up to the horizon. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SCHEDULE_CALL_PLANNING_SECONDS = 3600;

  /** Expires lapsed vetting and warns of expiry (periods start at 00:00 UTC). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SCHEDULE_VETTING_EXPIRY_SECONDS = 86_400;

  /** Key for the HMAC that signs the short links in texts and invites (see "Signed links"). */
  @IsString()
  @MinLength(32, { message: 'LINK_SECRET must be at least 32 characters' })
  LINK_SECRET = DEV_LINK_SECRET;

  /** Link requests one client IP may make in LINK_WINDOW_SECONDS that do not open a live link. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LINK_MAX_FAILURES_PER_IP = 20;

  /** How long failed link requests are counted; the block lasts what is left of it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LINK_WINDOW_SECONDS = 900;
}

/**
 * Secrets that production must set itself (config/secrets.ts has the rules): each present, 32+
 * bytes, no dev-only default, not guessable, and no two the same (TWILIO_AUTH_TOKEN included).
 */
function productionSecretErrors(raw: Record<string, unknown>, env: Env): string[] {
  const errors: string[] = [];
  const secrets: NamedSecret[] = [];
  for (const name of ['JWT_SECRET', 'CONSENT_EVIDENCE_SECRET', 'LINK_SECRET'] as const) {
    const value = raw[name];
    if (typeof value !== 'string' || value === '') errors.push(`${name} must be set in production`);
    else if (Buffer.byteLength(value) < 32) errors.push(`${name} must be at least 32 bytes`);
    else secrets.push({ name, value });
  }
  if (typeof raw.CONCERN_KEYS !== 'string' || raw.CONCERN_KEYS === '') {
    errors.push('CONCERN_KEYS must be set in production');
  } else {
    // The ring is already proved well formed, each key 32 bytes; compared in canonical base64.
    for (const [id, key] of parseKeyRing(env.CONCERN_KEYS) ?? []) {
      secrets.push({ name: `CONCERN_KEYS key ${id}`, value: key.toString('base64') });
    }
  }
  if (env.TWILIO_AUTH_TOKEN) {
    secrets.push({ name: 'TWILIO_AUTH_TOKEN', value: env.TWILIO_AUTH_TOKEN, external: true });
  }
  return [...errors, ...secretErrors(secrets)];
}

/** Thrown for a bad environment; its message is one line naming every variable at fault. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export function validateEnv(raw: Record<string, unknown>): Env {
  const known = Object.keys(new Env());
  const present = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => v !== undefined && v !== '' && known.includes(k)),
  );
  const env = plainToInstance(Env, present);
  const production = isProduction(raw.NODE_ENV);
  const invalid = validateSync(env, { forbidUnknownValues: false });
  const problems = invalid.map(
    (e) => Object.values(e.constraints ?? {}).join('; ') || `${e.property} is invalid`,
  );
  if (env.TEXT_CHANNEL_DEFAULT === 'whatsapp' && env.WHATSAPP_ENABLED !== 'true') {
    problems.push('TEXT_CHANNEL_DEFAULT=whatsapp needs WHATSAPP_ENABLED=true');
  }
  if (production && env.VIDEO_ROOM_BASE_URL && !/^https:\/\//i.test(env.VIDEO_ROOM_BASE_URL)) {
    problems.push('VIDEO_ROOM_BASE_URL must be https in production');
  }
  if (production) {
    // A secret already reported as malformed is not reported twice.
    const named = (line: string) => invalid.some((e) => line.startsWith(`${e.property} `));
    problems.unshift(...productionSecretErrors(raw, env).filter((line) => !named(line)));
  }
  if (problems.length > 0) {
    // One line, so a process manager's log shows the whole reason beside the exit.
    throw new ConfigurationError(`Invalid configuration: ${problems.join(' | ')}`);
  }
  env.API_DOCS ??= production ? 'off' : 'on';
  return env;
}
