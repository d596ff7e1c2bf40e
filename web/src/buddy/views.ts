/**
 * Response shapes of the check-in and pairing routes. A stopgap: the service's OpenAPI document
 * describes them as empty objects today (their classes live in src/checkins/dto/views.ts, a file
 * the Swagger plugin does not read), so schema.d.ts has nothing to offer yet. Once the document
 * describes them, `npm run web:types` and Schemas['CheckinView'] / Schemas['PairingView'] replace
 * this file. Only the fields these pages read are listed.
 */
export interface LocalTimeView {
  timezone: string;
  startsAt: string;
  date: string;
  time: string;
}

export interface CheckinView {
  id: string;
  pairingId: string;
  volunteerId: string;
  status: 'scheduled' | 'completed' | 'missed' | 'cancelled';
  channel: 'phone' | 'skype';
  startsAt: string;
  volunteerLocal: LocalTimeView;
  buddyLocal: LocalTimeView;
  wellbeing?: 'ok' | 'concern' | null;
}

export interface PairingView {
  id: string;
  volunteerId: string;
  status: 'active' | 'ended';
  channel: 'phone' | 'skype';
  cadence: 'weekly' | 'fortnightly';
  weekday: number;
  localTime: string;
  timezone: string;
  endsOn: string | null;
  flaggedAt: string | null;
  createdAt: string;
  volunteerContact: { name: string; phone: string | null; skypeHandle: string | null } | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
