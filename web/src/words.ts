/**
 * The words people read, in one place: names for codes (languages, countries), what each text we
 * send is, what went wrong and how to put it right. One voice through the app, and the file a
 * translation starts from. Pages never show a code, a key or a raw timestamp; they ask here.
 */
import type { Problem } from './api/client';
import { formatZoned } from './time/formatZoned';

// Languages ----------------------------------------------------------------------------------------

const englishLanguages = new Intl.DisplayNames(['en-GB'], { type: 'language', fallback: 'code' });

/** "French (français)" for `fr`, "English" for `en`: in English and in the language itself. */
export function languageName(code: string): string {
  const english = englishLanguages.of(code) ?? code;
  let own: string | undefined;
  try {
    own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    own = undefined;
  }
  return own && own.toLowerCase() !== english.toLowerCase() ? `${english} (${own})` : english;
}

/** "English, French (français) and Arabic (العربية)". */
export function languageList(codes: readonly string[]): string {
  return listOf(codes.map(languageName));
}

/** Every ISO 639-1 code, as the API accepts them. */
const LANGUAGE_CODES = (
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da ' +
  'de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ' +
  'ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln ' +
  'lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi ' +
  'pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti ' +
  'tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ');

let byName: Map<string, string> | undefined;
/** A language's code from its code, its English name or its own name ("French", "français"). */
function languageCodeOf(text: string): string {
  const key = text
    .replace(/\(.*\)/, '')
    .trim()
    .toLowerCase();
  if (LANGUAGE_CODES.includes(key)) return key;
  byName ??= new Map(
    LANGUAGE_CODES.flatMap((code) => {
      const names = [englishLanguages.of(code)];
      try {
        names.push(new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code));
      } catch {
        // A code this browser cannot name in itself: its English name will do.
      }
      return names.filter((n): n is string => !!n).map((n) => [n.toLowerCase(), code] as const);
    }),
  );
  return byName.get(key) ?? key;
}

/**
 * What a person typed for their languages, most preferred first: names or codes, separated by
 * commas ("English, French" or "en, fr"), as codes for the API. An unknown word stays as typed,
 * for the API to refuse by field.
 */
export function parseLanguages(text: string): string[] {
  return text
    .split(',')
    .flatMap((part) =>
      /^\s*([a-z]{2}\s+)+[a-z]{2}\s*$/i.test(part) ? part.trim().split(/\s+/) : [part],
    )
    .map((part) => part.trim())
    .filter(Boolean)
    .map(languageCodeOf);
}

/** "English, French": languages as a person types them back. */
export function languagesText(codes: readonly string[]): string {
  return codes.map((code) => englishLanguages.of(code) ?? code).join(', ');
}

/** The hint under every languages field. */
export const LANGUAGES_HINT =
  'Most preferred first, separated by commas, for example: English, French';

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// Countries ----------------------------------------------------------------------------------------

/** Every ISO 3166-1 alpha-2 code, as the API accepts them. */
const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
  'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
  'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
  'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
  'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
  'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
  'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const countryNames = new Intl.DisplayNames(['en-GB'], { type: 'region', fallback: 'code' });

/** "France" for `FR`. */
export function countryName(code: string): string {
  return countryNames.of(code.toUpperCase()) ?? code;
}

/** Every country, by name, for a select. */
export const COUNTRIES: { value: string; label: string }[] = COUNTRY_CODES.map((code) => ({
  value: code,
  label: countryName(code),
})).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));

// Sessions -------------------------------------------------------------------------------------------

/** How a session happens. */
export const MODALITY_WORDS: Record<string, string> = {
  video: 'Video call',
  phone: 'Phone call',
  in_person: 'In person',
};

// People ---------------------------------------------------------------------------------------------

/** The name to greet someone by: the preferred name they gave, or their name. */
export function greetingName(person: { name?: string | null; preferredName?: string | null }) {
  return person.preferredName?.trim() || person.name?.trim() || '';
}

// Texts we send ------------------------------------------------------------------------------------

/** What each text is, given the time of the session or call it is about. */
const TEXT_KINDS: Record<string, (when: string | null) => string> = {
  session_confirmation: (w) => `Confirmation of your session${on(w)}`,
  session_reminder: (w) => `Reminder of your session${on(w)}`,
  session_rescheduled: (w) => `Your session moved${to(w)}`,
  session_cancelled: (w) => `Your session${on(w)} is cancelled`,
  session_cannot_attend: (w) => `The volunteer cannot come to the session${on(w)}`,
  call_reminder_buddy: (w) => `Reminder of your check-in call${on(w)}`,
  call_reminder_volunteer: (w) => `Reminder of your check-in call${on(w)}`,
  call_moved: (w) => `Your check-in call moved${to(w)}`,
  call_cancelled: (w) => `Your check-in call${on(w)} is called off`,
  pairing_flagged_alert: () => 'Alert: a buddy reported a concern',
  urgent_concern_alert: () => 'Alert: an urgent concern was reported',
  vetting_expiring_warning: () => 'Your registration check runs out soon',
  vetting_expiring_alert: () => 'Alert: a registration check runs out soon',
};
const on = (when: string | null) => (when ? ` on ${when}` : '');
const to = (when: string | null) => (when ? ` to ${when}` : '');

/**
 * "Reminder of your session on Thu 10 Dec, 10:00 Athens time": what a text is about, for a text
 * not sent yet (a sent one shows its own words).
 */
export function textAbout(
  text: { template: string; startsAt?: { utc: string } | null },
  zone: string,
): string {
  const when = text.startsAt ? formatZoned(text.startsAt.utc, zone) : null;
  return TEXT_KINDS[text.template]?.(when) ?? 'A text about your support';
}

/** A text's kind as the coordinator reads it: "Session reminder". */
const TEXT_NAMES: Record<string, string> = {
  session_confirmation: 'Session confirmation',
  session_reminder: 'Session reminder',
  session_rescheduled: 'Session moved',
  session_cancelled: 'Session cancelled',
  session_cannot_attend: 'Volunteer cannot come',
  call_reminder_buddy: 'Call reminder to the buddy',
  call_reminder_volunteer: 'Call reminder to the volunteer',
  call_moved: 'Call moved',
  call_cancelled: 'Call called off',
  pairing_flagged_alert: 'Concern alert',
  urgent_concern_alert: 'Urgent concern alert',
  vetting_expiring_warning: 'Registration check running out',
  vetting_expiring_alert: 'Registration check alert',
};

export function textName(template: string): string {
  return TEXT_NAMES[template] ?? 'Text';
}

/** Why a text was cancelled or not sent (the outbox's reason codes). */
const TEXT_REASONS: Record<string, string> = {
  rescheduled: 'It was moved: a new text replaces it.',
  'session-cancelled': 'The session was cancelled.',
  'call-cancelled': 'The call was called off.',
  'pairing-ended': 'The calls with your buddy have ended.',
  'consent-withdrawn': 'You asked us to stop.',
  'event-started': 'It had already started, so a reminder was no use.',
  'recipient-erased': 'Your details were erased.',
  'no-phone': 'We have no phone number for you.',
  'phone-unconfirmed': 'Your mobile number was not confirmed yet, so we did not text it.',
  'no-consent': 'You have not agreed to text messages.',
  'opted-out': 'You replied STOP.',
  'no-confirmed-email': 'Your email address is not confirmed, so we could not email you.',
};

/** The ways a kind of message can reach a person (GET /v1/me/message-preferences). */
export const MESSAGE_WAYS: Record<string, string> = {
  text: 'By text only',
  email: 'By email only',
  both: 'By email and by text',
};

/** Why a text was cancelled or not sent, in words; null when there is nothing to say. */
export function textReason(reason: string | null | undefined): string | null {
  if (!reason) return null;
  return TEXT_REASONS[reason] ?? null;
}

/** What a text's delivery status means. */
export const TEXT_STATUS: Record<string, { label: string; colour?: string }> = {
  pending: { label: 'Waiting to send', colour: 'grey' },
  sending: { label: 'Sending', colour: 'blue' },
  sent: { label: 'Sent', colour: 'blue' },
  delivered: { label: 'Delivered', colour: 'green' },
  failed: { label: 'Not delivered', colour: 'red' },
  cancelled: { label: 'Cancelled', colour: 'grey' },
  skipped: { label: 'Not sent', colour: 'grey' },
};

/**
 * What each Twilio error code the service can meet means, and whether sending again can help.
 * https://www.twilio.com/docs/api/errors
 */
export const TWILIO_ERRORS: Record<string, { words: string; retry: boolean }> = {
  '21211': {
    words: 'The phone number is not a valid number. Check it with the person.',
    retry: false,
  },
  '21408': { words: 'Texts to this country are not switched on for our number.', retry: false },
  '21610': { words: 'The person replied STOP, so we may not text them.', retry: false },
  '21612': { words: 'Our number cannot text this number.', retry: false },
  '21614': { words: 'The number is not a mobile, so it cannot get texts.', retry: false },
  '30003': { words: 'The phone was unreachable: switched off or out of signal.', retry: true },
  '30004': { words: 'The phone or the network blocked the text.', retry: false },
  '30005': { words: 'The number does not exist, or is no longer in use.', retry: false },
  '30006': { words: 'The number is a landline or cannot get texts.', retry: false },
  '30007': { words: 'The phone network filtered the text as unwanted.', retry: true },
  '30008': { words: 'The network gave no reason.', retry: true },
  '63003': { words: 'The number is not on WhatsApp.', retry: false },
  '63016': {
    words: 'WhatsApp allows only approved messages more than 24 hours after the person last wrote.',
    retry: false,
  },
  '63024': { words: 'WhatsApp refused the message.', retry: false },
};

/** "The phone was unreachable: …" for a provider code; plain words for one we do not know. */
export function twilioError(code: string | null | undefined): { words: string; retry: boolean } {
  if (!code) return { words: 'No reason was given.', retry: true };
  return (
    TWILIO_ERRORS[code] ?? {
      words: `The text service gave an unusual reason (${code}).`,
      retry: true,
    }
  );
}

// Problems -------------------------------------------------------------------------------------------

/** What to do about a problem the service answered, and the page that fixes it, by its type. */
const PROBLEM_WORDS: Record<string, { words: string; href?: string; link?: string }> = {
  'consent-missing': {
    words: 'You need to agree to this first.',
    href: '/account/consents',
    link: 'See what you have agreed to',
  },
  'profile-missing': {
    words: 'Fill in your profile first.',
    href: '/account',
    link: 'Go to your account',
  },
  'slot-taken': { words: 'Someone has just taken that time. Choose another.' },
  'email-taken': {
    words: 'There is already an account with this email address. Sign in instead.',
    href: '/sign-in',
    link: 'Sign in',
  },
  'whatsapp-unavailable': { words: 'WhatsApp is not offered at the moment. We will text you.' },
  internal: { words: 'Something went wrong on our side. Try again in a few minutes.' },
};

/** The type's last part: `consent-missing` from `/problems/consent-missing`. */
export function problemCode(problem: Problem | undefined): string | undefined {
  return problem?.type?.split('/').pop();
}

/** What to do, and where, for a problem; the API's own detail when it is already in words. */
export function problemWords(problem: Problem | undefined): {
  words: string;
  href?: string;
  link?: string;
} {
  const known = PROBLEM_WORDS[problemCode(problem) ?? ''];
  if (known?.href) return { ...known, words: problem?.detail ?? known.words };
  if (known) return known;
  return { words: problem?.detail ?? problem?.title ?? 'Something went wrong. Try again.' };
}

/** What to enter in each field the API can refuse, when its own message reads like code. */
const FIELD_WORDS: Record<string, string> = {
  name: 'Enter your full name',
  preferredName: 'Enter the name you would like us to use, or leave it empty',
  email: 'Enter an email address, like name@example.com',
  password: 'Enter a password of at least 12 characters',
  newPassword: 'Enter a new password of at least 12 characters',
  currentPassword: 'Enter your current password',
  phone: 'Enter a mobile number we can text, with the country code, for example +44 7911 123456',
  timezone: 'Choose a time zone from the list',
  languages: 'Enter the languages you speak by name, for example English, French',
  organisation: 'Enter your organisation, or leave it empty',
  location: 'Enter the town or camp where you volunteer',
  country: 'Choose the country',
  details: 'Say what happened',
  reason: 'Give a reason',
  note: 'Keep the note shorter',
  membershipNumber: 'Enter your membership number: 4 to 10 digits',
  certificateNumber: 'Enter the 12-digit certificate number',
};

/**
 * A field's error in words: the API's message when it already speaks to people, else the field's
 * plain sentence. class-validator's defaults start with the property name ("name should not be
 * empty"); those are the ones replaced.
 */
export function fieldWords(field: string, message: string): string {
  const leaf = field.split('.').pop() ?? field;
  const technical = message.startsWith(`${leaf} `) || message.startsWith(`${field} `);
  return technical ? (FIELD_WORDS[leaf] ?? `Check this answer: ${message}`) : message;
}
