/**
 * The words people read, in one place: names for codes (languages, countries), what each text we
 * send is, what went wrong and how to put it right. One voice through the app, and the file a
 * translation starts from. Pages never show a code, a key or a raw timestamp; they ask here.
 */
import type { Problem } from './api/problem';
import type { components } from './api/schema';

type Schemas = components['schemas'];
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

/** Where a session stands. */
export const SESSION_STATUS_WORDS: Record<Schemas['SessionView']['status'], string> = {
  booked: 'Booked',
  completed: 'Took place',
  no_show: 'Did not attend',
  cancelled: 'Cancelled',
};

/** Where a buddy pairing stands. */
export const PAIRING_STATUS_WORDS: Record<Schemas['PairingView']['status'], string> = {
  active: 'Calls going on',
  ended: 'Ended',
};

/** Where a therapist's or buddy's checks stand. */
export const VETTING_STATUS_WORDS: Record<
  NonNullable<Schemas['PersonView']['vettingStatus']>,
  string
> = {
  pending: 'Waiting for checks',
  verified: 'Verified',
  suspended: 'Suspended',
  expired: 'Checks ran out',
  rejected: 'Turned down',
};

// People ---------------------------------------------------------------------------------------------

/** Genders a therapist may give and a volunteer may ask for: one list for both sides. */
export const GENDER_WORDS: Record<string, string> = {
  woman: 'Woman',
  man: 'Man',
  'non-binary': 'Non-binary',
};

/** A therapist's gender in words: the listed word, or what the therapist wrote themselves. */
export function genderWords(gender: string): string {
  return GENDER_WORDS[gender.trim().toLowerCase()] ?? gender;
}

/** What a volunteer may ask for, as the question's answers. */
export const GENDER_PREFERENCE_CHOICES = [
  { value: '', label: 'No preference' },
  { value: 'woman', label: 'A woman' },
  { value: 'man', label: 'A man' },
  { value: 'non-binary', label: 'A non-binary person' },
];

/** SSuN in plain words, where a volunteer first meets the name. */
export const SSUN_EXPLAINED =
  'Buddies come from SSuN (the Solidarity and Support Network), a group of trained volunteers, some of them therapists, who listen and help.';

// Consent ----------------------------------------------------------------------------------------------

/** What agreeing to each purpose lets the service do for the person, in a sentence. */
export const CONSENT_ENABLES: Record<string, string> = {
  data_processing:
    'This lets us find you a session or a buddy at all: without it we cannot keep your details.',
  share_with_therapist:
    'This lets the person you choose see your name, phone number and your note, so they can hold your free session.',
  share_with_buddy: `This lets a buddy call you. ${SSUN_EXPLAINED}`,
  sms_reminders: 'This lets us text you when a session or call is booked, moved or about to start.',
  whatsapp_messages: 'This lets us send the same texts by WhatsApp instead of SMS, if you choose.',
};

/** The name to greet someone by: the preferred name they gave, or their name. */
export function greetingName(person: { name?: string | null; preferredName?: string | null }) {
  return person.preferredName?.trim() || person.name?.trim() || '';
}

// Roles ----------------------------------------------------------------------------------------------

/** A role as people read it. */
export const ROLE_WORDS: Record<string, string> = {
  volunteer: 'volunteer',
  therapist: 'therapist',
  buddy: 'buddy',
  coordinator: 'coordinator',
};

export function roleWords(role: string | null | undefined): string {
  return role ? (ROLE_WORDS[role] ?? 'someone') : 'the service';
}

// The audit trail -----------------------------------------------------------------------------------

type AuditAction = Schemas['AuditEventView']['action'];
type AuditTarget = NonNullable<Schemas['AuditEventView']['targetType']>;

/**
 * What each line of the audit trail says was done, one entry for every action the server records
 * (the type comes from the API's list, so a new action without words fails the build).
 */
export const AUDIT_ACTION_WORDS: Record<AuditAction, string> = {
  'account.confirmation_resent': 'Sent the email confirmation link again',
  'account.created': 'Created an account',
  'account.email_change_requested': 'Asked to change their email address (waiting for the link)',
  'account.email_confirmed': 'Confirmed their email address',
  'account.phone_confirmed': 'Confirmed their mobile number with a code',
  'account.registration_renewed': 'Signed up again before confirming, so a new link went out',
  'account.registration_repeated': 'Someone tried to sign up again with this address',
  'account.email_change_declined': 'Asked for an email address another account already has',
  'account.email_changed': 'Changed their email address',
  'auth.email_change_failed': 'Gave a wrong password when changing the email address',
  'auth.login_failed': 'Failed to sign in',
  'auth.password_change_failed': 'Gave a wrong password when changing the password',
  'auth.password_changed': 'Changed their password',
  'auth.password_reset': 'Chose a new password from a reset link',
  'auth.password_reset_requested': 'Asked for a password reset link',
  'auth.refresh_reused': 'Used an old sign-in again, so every sign-in was ended',
  'availability.exception_removed': 'Removed a change to their hours',
  'availability.exception_set': 'Changed their hours for a day',
  'availability.time_off_set': 'Took time off',
  'availability.weekly_replaced': 'Set their weekly hours',
  'buddy_request.created': 'Asked for a buddy',
  'buddy_request.lapsed': 'Buddy request closed unanswered',
  'buddy_request.listed': 'Saw a buddy request in a list',
  'buddy_request.matches_read': 'Looked at buddies for a request',
  'buddy_request.withdrawn': 'Withdrew a buddy request',
  'checkin.cancelled': 'Called off a check-in call',
  'checkin.listed': 'Saw a check-in call in a list',
  'checkin.moved': 'Moved a check-in call',
  'checkin.outcome_recorded': 'Said how a check-in call went',
  'checkin.read': 'Opened a check-in call',
  'concern.listed': 'Saw a concern in a list',
  'concern.note_added': 'Added a note to a concern',
  'concern.read': 'Opened a concern',
  'concern.status_changed': 'Moved a concern on',
  'consent.granted': 'Gave consent',
  'consent.withdrawn': 'Withdrew consent',
  'data.erased': 'Erased their details',
  'data.exported': 'Downloaded their details',
  'notification.listed': 'Saw a text in a list',
  'notification.retried': 'Sent a failed text again',
  'pairing.created': 'Paired a volunteer with a buddy',
  'pairing.ended': 'Ended a buddy pairing',
  'pairing.flagged': 'Flagged a pairing after two missed calls',
  'pairing.listed': 'Saw a buddy pairing in a list',
  'pairing.replanned': 'Changed when the buddy calls',
  'person.found': 'Found a person in a search',
  'person.read': "Opened a person's record",
  'profile.updated': 'Updated their profile',
  'session.attendance_recorded': 'Said whether they can come to a session',
  'session.booked': 'Booked a session',
  'session.calendar_read': 'Downloaded a session invite',
  'session.cancelled': 'Cancelled a session',
  'session.granted': 'Allowed a further session',
  'session.listed': 'Saw a session in a list',
  'session.outcome_recorded': 'Said how a session went',
  'session.read': 'Opened a session',
  'session.rescheduled': 'Moved a session',
  'session_request.created': 'Asked for a session',
  'session_request.lapsed': 'Session request closed unanswered',
  'session_request.listed': 'Saw a session request in a list',
  'session_request.matches_read': 'Looked at people for a session request',
  'session_request.withdrawn': 'Withdrew a session request',
  'vetting.expired': 'Checks ran out',
  'vetting.expiry_warned': 'Warned that checks run out soon',
  'vetting.listed': 'Saw someone in the checks queue',
  'vetting.rejected': 'Turned down an application',
  'vetting.resubmitted': 'Changed details that are checked',
  'vetting.submitted': 'Applied to be checked',
  'vetting.suspended': 'Suspended someone',
  'vetting.verified': 'Verified checks',
  'vetting.withdrawn': 'Application withdrawn',
};

/** What a line of the audit trail is about, when it is not a person. */
export const AUDIT_TARGET_WORDS: Record<AuditTarget, string> = {
  account: 'a person',
  availability_exception: 'a change to their hours',
  buddy_request: 'a buddy request',
  checkin: 'a check-in call',
  concern: 'a concern',
  notification: 'a text message',
  pairing: 'a buddy pairing',
  session: 'a session',
  session_request: 'a session request',
};

/** What each consent purpose lets the service do, as a coordinator reads it in the audit trail. */
const CONSENT_PURPOSE_WORDS: Record<string, string> = {
  data_processing: 'keeping their details',
  share_with_therapist: 'sharing with their therapist',
  share_with_buddy: 'sharing with their buddy',
  sms_reminders: 'text message reminders',
  whatsapp_messages: 'WhatsApp messages',
};

/** "Gave consent: text message reminders" where a line names the purpose; else the action's words. */
export function auditLineWords(line: {
  action: string;
  details?: Record<string, unknown> | null;
}): string {
  const words = auditActionWords(line.action);
  const purpose = line.details?.purpose;
  if (line.action.startsWith('consent.') && typeof purpose === 'string') {
    return `${words}: ${CONSENT_PURPOSE_WORDS[purpose] ?? 'another purpose'}`;
  }
  return words;
}

/** "Booked a session"; plain words for an action this page does not know yet. */
export function auditActionWords(action: string): string {
  return (
    (AUDIT_ACTION_WORDS as Record<string, string>)[action] ?? 'Something this page has no words for'
  );
}

/** "a session", or "nothing in particular" when a line has no target. */
export function auditTargetWords(targetType: string | null): string {
  if (!targetType) return 'Nothing in particular';
  return (AUDIT_TARGET_WORDS as Record<string, string>)[targetType] ?? 'a record';
}

/** Shown instead of a name once the person's account was erased. */
export const ERASED_USER = 'Erased user';

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
  account_confirm_email: () => 'Link to confirm your email address',
  account_exists: () => 'Someone tried to sign up with your email address',
  password_reset: () => 'Link to choose a new password',
  password_changed: () => 'Your password was changed',
  email_change_confirm: () => 'Link to confirm your new email address',
  email_change_notice: () => 'Your sign-in email address is changing',
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
  account_confirm_email: 'Email address confirmation',
  account_exists: 'Sign-up with a known address',
  password_reset: 'Password reset link',
  password_changed: 'Password changed',
  email_change_confirm: 'New email address confirmation',
  email_change_notice: 'Email address change notice',
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
  'purpose-not-offered': {
    words: 'This is not offered at the moment, so there is nothing to agree to.',
  },
  'photo-not-image': { words: 'Choose a photo saved as PNG or JPEG.' },
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
  timezone: 'Choose the place whose time you live by',
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
