import { ZonedTimeView } from '../common/time/zoned-time.view';
import type { LinkKind } from './signed-link.entity';

export class LinkActionsView {
  reschedule!: boolean;
  cancel!: boolean;
}

/**
 * What a signed link shows: the time and a neutral description, nothing else. No names, no
 * contact details, no ids: the page may be opened on a shared phone.
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
