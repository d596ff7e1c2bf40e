import { ZonedTimeView } from '../common/time/zoned-time.view';
import type { Modality } from '../people/people.types';
import type { LinkKind } from './signed-link.entity';

export class LinkActionsView {
  reschedule!: boolean;
  cancel!: boolean;
}

/** How a session happens, as a link shows it: no phone number (the page may be on a shared phone). */
export class LinkMeetingView {
  how!: Modality;
  /** Video: the link to join; null when there is none yet. */
  url?: string | null;
  /** Phone: who makes the call, from the reader's side (the therapist always calls). */
  whoCalls?: 'you' | 'other';
  /** In person: the address the therapist gave. */
  address?: string | null;
}

/**
 * What a signed link shows: the time, a neutral description and how to join, nothing else. No
 * names, no phone numbers, no ids: the page may be opened on a shared phone.
 */
export class LinkView {
  kind!: LinkKind;
  /** "Your session" or "Your check-in call". */
  description!: string;
  /** In the zone of the person the link was sent to. */
  startsAt!: ZonedTimeView;
  /** Sessions only; a call has no set end. */
  endsAt!: ZonedTimeView | null;
  can!: LinkActionsView;
  /** Sessions only: how to join (null for a call). */
  meeting!: LinkMeetingView | null;
}

/** What a move or a cancellation through a link did. The link itself no longer works. */
export class LinkDoneView {
  status!: 'moved' | 'cancelled';
  /** The new time after a move; the old one after a cancellation. */
  startsAt!: ZonedTimeView;
  /** "Your session" or "Your check-in call". */
  description!: string;
}

export class LinkSlotView {
  startsAt!: ZonedTimeView;
  endsAt!: ZonedTimeView;
}

/** Free times the session could move to (the same person, the same length). */
export class LinkSlotsView {
  /** The zone of each slot's `local` times: the link person's own. */
  timezone!: string;
  from!: string;
  to!: string;
  slots!: LinkSlotView[];
}
