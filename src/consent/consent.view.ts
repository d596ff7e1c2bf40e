import { ConsentChannel } from './consent-purpose';
import { ConsentReceiptView } from './consent-receipt.view';

export class PurposeView {
  /** Stable name clients send back, e.g. `sms_reminders`. */
  purpose!: string;
  currentVersion!: number;
  title!: string;
  /** Plain-English text of the current version. */
  text!: string;
  /** The current version asks everyone to consent again: earlier consent no longer counts. */
  requiresReconsent!: boolean;
  /** Consent to a version older than this does not count. */
  minimumValidVersion!: number;
  publishedAt!: Date;
  /** The service uses this purpose now; one not offered can only be withdrawn (409 to agree). */
  offered!: boolean;
}

export class ConsentStateView {
  purpose!: string;
  title!: string;
  /** The latest event is a grant. */
  granted!: boolean;
  /** Version of the latest event; null when never asked. */
  version!: number | null;
  at!: Date | null;
  channel!: ConsentChannel | null;
  /** Granted to a version that still counts: what every gate in the service answers. */
  valid!: boolean;
  currentVersion!: number;
  /** Granted once, but the text has changed in a way that needs consent again. */
  needsReconsent!: boolean;
}

export class ConsentHistoryView {
  /** Also the receipt id of this event. */
  id!: string;
  purpose!: string;
  version!: number;
  granted!: boolean;
  channel!: ConsentChannel;
  /** The coordinator who recorded it (channel `coordinator`). */
  recordedBy!: string | null;
  at!: Date;
}

export class ConsentOverviewView {
  purposes!: ConsentStateView[];
  /** Every grant and withdrawal, oldest first. */
  history!: ConsentHistoryView[];
}

export class ConsentRecordedView {
  /** Current state per purpose after this event. */
  state!: ConsentStateView;
  receipt!: ConsentReceiptView;
}
