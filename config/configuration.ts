import { registerAs } from '@nestjs/config';
import { AppRole, Env, parseKeyRing, parseWhatsAppTemplates, validateEnv } from './env';
import { isProduction } from './node-env';

/**
 * Typed configuration namespaces. Everything is read and validated once (`validateEnv`); the
 * namespaces only shape it for the module that needs it.
 */
const env = (): Env => validateEnv(process.env);

export const appConfig = registerAs('app', () => {
  const e = env();
  return {
    port: e.PORT,
    role: e.APP_ROLE,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    apiDocs: e.API_DOCS === 'on',
  };
});

/**
 * Express's `trust proxy` from its text form: `true`/`false`, a hop count, or addresses and names
 * (`loopback`, `10.0.0.0/8`, ...). A string `false` given to Express would be read as an address.
 */
export function parseTrustProxy(value: string): boolean | number | string {
  const v = value.trim();
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

export const databaseConfig = registerAs('database', () => {
  const e = env();
  return { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX };
});

export const redisConfig = registerAs('redis', () => {
  const e = env();
  return { url: e.REDIS_URL, prefix: e.REDIS_PREFIX };
});

export const authConfig = registerAs('auth', () => {
  const e = env();
  return {
    jwtSecret: e.JWT_SECRET,
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    loginMaxPerAccountIp: e.LOGIN_MAX_PER_ACCOUNT_IP,
    loginMaxPerAccount: e.LOGIN_MAX_PER_ACCOUNT,
    loginMaxPerIp: e.LOGIN_MAX_PER_IP,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    loginLockSeconds: e.LOGIN_LOCK_SECONDS,
    loginLockMaxSeconds: e.LOGIN_LOCK_MAX_SECONDS,
    refreshTtlSeconds: e.REFRESH_TTL_SECONDS,
    // Browsers keep Secure cookies from http://localhost too; plain-http test clients do not.
    refreshCookieSecure: isProduction(process.env.NODE_ENV),
  };
});

export const smsConfig = registerAs('sms', () => {
  const e = env();
  return {
    driver: e.SMS_DRIVER,
    twilio: {
      accountSid: e.TWILIO_ACCOUNT_SID,
      authToken: e.TWILIO_AUTH_TOKEN,
      from: e.TWILIO_FROM,
      messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
      apiBaseUrl: e.TWILIO_API_BASE_URL,
      whatsappFrom: e.TWILIO_WHATSAPP_FROM,
    },
    whatsapp: {
      enabled: e.WHATSAPP_ENABLED === 'true',
      /** Message type (NotificationTemplate) to Twilio Content SID; validated by validateEnv. */
      templates: parseWhatsAppTemplates(e.TWILIO_WHATSAPP_TEMPLATES) ?? new Map<string, string>(),
    },
    defaultChannel: e.TEXT_CHANNEL_DEFAULT,
    maxAttempts: e.SMS_MAX_ATTEMPTS,
    retryBaseMs: e.SMS_RETRY_BASE_MS,
    workerConcurrency: e.SMS_WORKER_CONCURRENCY,
    sendingTimeoutSeconds: e.SMS_SENDING_TIMEOUT_SECONDS,
    stuckPendingSeconds: e.SMS_STUCK_PENDING_SECONDS ?? 3 * e.SCHEDULE_SMS_SWEEP_SECONDS,
  };
});

export const mailConfig = registerAs('mail', () => {
  const e = env();
  return {
    driver: e.MAIL_DRIVER,
    /** Set whenever the driver is smtp (validateEnv requires it then). */
    smtpUrl: e.SMTP_URL,
    from: e.MAIL_FROM,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
  };
});

export const vettingConfig = registerAs('vetting', () => ({
  dbsRecheckYears: env().DBS_RECHECK_YEARS,
}));

export const checkinsConfig = registerAs('checkins', () => {
  const e = env();
  return {
    pairingWeeksAfterReturn: e.PAIRING_WEEKS_AFTER_RETURN,
    horizonWeeks: e.CHECKIN_HORIZON_WEEKS,
  };
});
export const availabilityConfig = registerAs('availability', () => ({
  slotGridMinutes: env().SLOT_GRID_MINUTES,
}));

export const consentConfig = registerAs('consent', () => {
  const e = env();
  return {
    evidenceSecret: e.CONSENT_EVIDENCE_SECRET,
    controllerName: e.CONSENT_CONTROLLER_NAME,
    controllerEmail: e.CONSENT_CONTROLLER_EMAIL,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
  };
});

export const concernsConfig = registerAs('concerns', () => {
  const e = env();
  // validateEnv has already proved the ring well formed and the active key in it.
  return {
    keys: parseKeyRing(e.CONCERN_KEYS) ?? new Map<string, Buffer>(),
    activeKeyId: e.CONCERN_ACTIVE_KEY_ID,
  };
});

export const sessionsConfig = registerAs('sessions', () => {
  const e = env();
  return {
    eligibleDaysBeforeReturn: e.SESSION_ELIGIBLE_DAYS_BEFORE_RETURN,
    /** Ends with `/`, ready for a room name; null when no rooms are made. */
    videoRoomBaseUrl: e.VIDEO_ROOM_BASE_URL ? e.VIDEO_ROOM_BASE_URL.replace(/\/*$/, '/') : null,
  };
});

export const remindersConfig = registerAs('reminders', () => {
  const e = env();
  return {
    offsetsMinutes: [...new Set(e.REMINDER_OFFSETS_MINUTES.split(',').map((m) => Number(m)))].sort(
      (a, b) => b - a,
    ),
    volunteerCalls: e.REMINDER_VOLUNTEER_CALLS === 'true',
    quietHours: e.QUIET_HOURS,
    replyWindowHours: e.REPLY_WINDOW_HOURS,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
  };
});

/** Periods of the worker's periodic tasks (the SMS sweep, call planning, vetting expiry). */
export const schedulesConfig = registerAs('schedules', () => {
  const e = env();
  return {
    smsSweepSeconds: e.SCHEDULE_SMS_SWEEP_SECONDS,
    callPlanningSeconds: e.SCHEDULE_CALL_PLANNING_SECONDS,
    vettingExpirySeconds: e.SCHEDULE_VETTING_EXPIRY_SECONDS,
  };
});

/** Signed links in texts and invites: their key, and the per-IP limit on failed opens. */
export const linksConfig = registerAs('links', () => {
  const e = env();
  return {
    secret: e.LINK_SECRET,
    maxFailuresPerIp: e.LINK_MAX_FAILURES_PER_IP,
    windowSeconds: e.LINK_WINDOW_SECONDS,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
  };
});

export const allConfig = [
  appConfig,
  databaseConfig,
  redisConfig,
  authConfig,
  smsConfig,
  mailConfig,
  vettingConfig,
  checkinsConfig,
  availabilityConfig,
  consentConfig,
  concernsConfig,
  sessionsConfig,
  remindersConfig,
  schedulesConfig,
  linksConfig,
];

export { AppRole, validateEnv };
