import { ConsentPurpose } from './consent/consent-purpose';

/**
 * Who lives in the demo world. Every date is relative to the day of seeding, so the world is
 * alive whenever it is made: some volunteers are home, some about to be, sessions and calls are
 * in the coming weeks. The names and numbers are made up.
 */

/** `.example.org` is reserved (RFC 2606): no demo address can reach a real mailbox. */
export const DEMO_DOMAIN = 'demo.example.org';
export const DEMO_PASSWORD = 'demo passphrase 2026';

const email = (local: string) => `${local}@${DEMO_DOMAIN}`;

type Weekly = Array<{ weekday: number; start: string; end: string }>;
const days = (list: number[], start: string, end: string): Weekly =>
  list.map((weekday) => ({ weekday, start, end }));

export interface DemoPerson {
  email: string;
  name: string;
  phone: string;
  timezone: string;
}

export interface DemoTherapist extends DemoPerson {
  profile: Record<string, unknown> & { membershipBody: string; membershipNumber: string };
  weekly: Weekly;
  /** A date exception: unavailable all day, this many days from today. */
  dayOffInDays?: number;
  /** Verified until this many days from today (default a year). */
  vettingDays?: number;
}

export interface DemoBuddy extends DemoPerson {
  profile: Record<string, unknown>;
  weekly: Weekly;
}

export interface DemoVolunteer extends DemoPerson {
  languages: string[];
  deployment: { location: string; country: string; fromDays: number; toDays: number };
  consents: ConsentPurpose[];
  /** Books the session with this therapist, at their n-th free slot. */
  session?: { therapist: string; slot: number };
  /** Asks for a buddy (calls on `weekday` at 18:00 their time), paired with `with` if given. */
  buddy?: { weekday: number; with?: string };
}

export const COORDINATOR = {
  email: email('coordinator'),
  name: 'Morgan Ellis',
  timezone: 'Europe/London',
};

const therapistProfile = (
  membershipBody: 'BACP' | 'UKCP',
  membershipNumber: string,
  more: Record<string, unknown>,
) => ({
  membershipBody,
  membershipNumber,
  sessionMinutes: 50,
  bufferMinutes: 10,
  minimumNoticeHours: 24,
  ...more,
});

export const THERAPISTS: DemoTherapist[] = [
  {
    email: email('helen.marsh'),
    name: 'Helen Marsh',
    phone: '+447911123401',
    timezone: 'Europe/London',
    profile: therapistProfile('BACP', '041122', {
      modalities: ['video', 'phone'],
      languages: ['en'],
      monthlyCapacity: 4,
      bio: 'Integrative practitioner; fifteen years with aid workers and first responders.',
    }),
    weekly: days([1, 2, 3, 4, 5], '09:00', '17:00'),
    dayOffInDays: 7,
  },
  {
    email: email('nikos.papadakis'),
    name: 'Nikos Papadakis',
    phone: '+306912345601',
    timezone: 'Europe/Athens',
    profile: therapistProfile('UKCP', '2019334', {
      modalities: ['video'],
      languages: ['el', 'en'],
      monthlyCapacity: 3,
      sessionMinutes: 60,
      bio: 'Psychotherapist in Athens, formerly with an NGO on Lesvos.',
    }),
    weekly: days([1, 2, 3, 4], '10:00', '18:00'),
  },
  {
    email: email('samira.khalil'),
    name: 'Samira Khalil',
    phone: '+447911123402',
    timezone: 'Europe/London',
    profile: therapistProfile('BACP', '058871', {
      modalities: ['video', 'phone'],
      languages: ['en', 'ar', 'fr'],
      monthlyCapacity: 3,
      bio: 'Works in English, Arabic and French; trauma-informed, person-centred.',
    }),
    weekly: [...days([2, 4], '12:00', '20:00'), ...days([6], '10:00', '14:00')],
  },
  {
    email: email('eleni.georgiou'),
    name: 'Eleni Georgiou',
    phone: '+306912345602',
    timezone: 'Europe/Athens',
    profile: therapistProfile('BACP', '066510', {
      modalities: ['video', 'phone'],
      languages: ['el', 'en', 'fr'],
      monthlyCapacity: 2,
      minimumNoticeHours: 48,
    }),
    weekly: days([1, 3, 5], '09:00', '15:00'),
    dayOffInDays: 9,
  },
  {
    email: email('tom.okafor'),
    name: 'Tom Okafor',
    phone: '+447911123403',
    timezone: 'Europe/London',
    profile: therapistProfile('UKCP', '2011207', {
      modalities: ['video', 'in_person'],
      town: 'Bristol',
      languages: ['en', 'fr'],
      monthlyCapacity: 2,
    }),
    weekly: days([1, 2, 3, 4, 5], '17:00', '21:00'),
    // Renewal due soon: the coordinator's home shows it as expiring.
    vettingDays: 20,
  },
];

/** Applied and waiting in the vetting queue, so the coordinator has someone to verify. */
export const PENDING_THERAPIST: DemoTherapist = {
  email: email('jo.reyes'),
  name: 'Jo Reyes',
  phone: '+447911123404',
  timezone: 'Europe/London',
  profile: therapistProfile('BACP', '071903', {
    modalities: ['video'],
    languages: ['en', 'es'],
    monthlyCapacity: 2,
  }),
  weekly: days([1, 3], '09:00', '13:00'),
};

const dbs = (certificateNumber: string) => ({
  level: 'enhanced',
  certificateNumber,
  issuedOn: '2026-03-02',
  updateService: true,
});

export const BUDDIES: DemoBuddy[] = [
  {
    email: email('grace.whitfield'),
    name: 'Grace Whitfield',
    phone: '+447911123411',
    timezone: 'Europe/London',
    profile: {
      kind: 'humanitarian',
      languages: ['en', 'fr'],
      maxActivePairings: 2,
      dbs: dbs('001234567801'),
    },
    weekly: days([1, 2, 3, 4, 5, 6, 7], '08:00', '21:00'),
  },
  {
    email: email('yannis.alexiou'),
    name: 'Yannis Alexiou',
    phone: '+306912345611',
    timezone: 'Europe/Athens',
    profile: {
      kind: 'humanitarian',
      languages: ['el', 'en'],
      maxActivePairings: 2,
      dbs: dbs('001234567802'),
    },
    weekly: days([1, 2, 3, 4, 5, 6, 7], '09:00', '22:00'),
  },
  {
    email: email('aisha.rahman'),
    name: 'Aisha Rahman',
    phone: '+447911123412',
    timezone: 'Europe/London',
    profile: {
      kind: 'therapist',
      languages: ['en', 'ar'],
      maxActivePairings: 3,
      dbs: dbs('001234567803'),
      membershipBody: 'BACP',
      membershipNumber: '052288',
    },
    weekly: days([1, 2, 3, 4, 5, 6, 7], '08:00', '21:00'),
  },
];

const ALL_CONSENTS = [
  ConsentPurpose.DataProcessing,
  ConsentPurpose.ShareWithTherapist,
  ConsentPurpose.ShareWithBuddy,
  ConsentPurpose.SmsReminders,
];
const NO_TEXTS = ALL_CONSENTS.filter((p) => p !== ConsentPurpose.SmsReminders);

export const VOLUNTEERS: DemoVolunteer[] = [
  {
    email: email('amira.haddad'),
    name: 'Amira Haddad',
    phone: '+447911123421',
    timezone: 'Europe/London',
    languages: ['en', 'ar'],
    deployment: { location: 'Calais', country: 'FR', fromDays: -90, toDays: -21 },
    consents: ALL_CONSENTS,
    session: { therapist: email('samira.khalil'), slot: 0 },
  },
  {
    email: email('ben.carter'),
    name: 'Ben Carter',
    phone: '+447911123422',
    timezone: 'Europe/London',
    languages: ['en'],
    deployment: { location: 'Moria, Lesvos', country: 'GR', fromDays: -120, toDays: -14 },
    consents: ALL_CONSENTS,
    session: { therapist: email('helen.marsh'), slot: 0 },
    buddy: { weekday: 2, with: email('grace.whitfield') },
  },
  {
    email: email('chloe.martin'),
    name: 'Chloé Martin',
    phone: '+33612345678',
    timezone: 'Europe/Paris',
    languages: ['fr', 'en'],
    deployment: { location: 'Grande-Synthe, Dunkirk', country: 'FR', fromDays: -60, toDays: -7 },
    consents: NO_TEXTS,
    session: { therapist: email('tom.okafor'), slot: 2 },
  },
  {
    email: email('dimitra.kosta'),
    name: 'Dimitra Kosta',
    phone: '+306912345621',
    timezone: 'Europe/Athens',
    languages: ['el', 'en'],
    deployment: { location: 'Vathy, Samos', country: 'GR', fromDays: -100, toDays: -28 },
    consents: NO_TEXTS,
    session: { therapist: email('nikos.papadakis'), slot: 1 },
    buddy: { weekday: 4, with: email('yannis.alexiou') },
  },
  {
    email: email('ewan.fraser'),
    name: 'Ewan Fraser',
    phone: '+447911123425',
    timezone: 'Europe/London',
    languages: ['en'],
    deployment: { location: 'Calais', country: 'FR', fromDays: -50, toDays: -10 },
    consents: NO_TEXTS,
    session: { therapist: email('helen.marsh'), slot: 3 },
    buddy: { weekday: 5, with: email('grace.whitfield') },
  },
  {
    email: email('fatima.noor'),
    name: 'Fatima Noor',
    phone: '+447911123426',
    timezone: 'Europe/London',
    languages: ['en', 'ar'],
    deployment: { location: 'Moria, Lesvos', country: 'GR', fromDays: -40, toDays: 5 },
    consents: NO_TEXTS,
    buddy: { weekday: 3, with: email('aisha.rahman') },
  },
  {
    email: email('george.lewis'),
    name: 'George Lewis',
    phone: '+447911123427',
    timezone: 'Europe/London',
    languages: ['en'],
    deployment: { location: 'Calais', country: 'FR', fromDays: -30, toDays: 10 },
    consents: NO_TEXTS,
  },
  {
    email: email('hana.sato'),
    name: 'Hana Sato',
    phone: '+306912345628',
    timezone: 'Europe/Athens',
    languages: ['en'],
    deployment: { location: 'Chios', country: 'GR', fromDays: -20, toDays: 40 },
    consents: NO_TEXTS,
    // Asked for a buddy, not matched yet.
    buddy: { weekday: 1 },
  },
  {
    email: email('isla.brown'),
    name: 'Isla Brown',
    phone: '+447911123429',
    timezone: 'Europe/London',
    languages: ['en'],
    deployment: { location: 'Thessaloniki', country: 'GR', fromDays: -150, toDays: -42 },
    consents: NO_TEXTS,
  },
  {
    email: email('jonas.weber'),
    name: 'Jonas Weber',
    phone: '+447911123430',
    timezone: 'Europe/Berlin',
    languages: ['en', 'de'],
    deployment: { location: 'Chios', country: 'GR', fromDays: -10, toDays: 60 },
    consents: [ConsentPurpose.DataProcessing],
  },
];
