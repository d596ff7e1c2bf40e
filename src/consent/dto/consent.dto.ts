import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ConsentChannel } from '../consent-purpose';
import { ConsentReceiptView } from './consent-receipt.dto';

export class ConsentChoiceDto {
  /** A purpose from `GET /v1/consent/purposes`, e.g. `data_processing`. Unknown: 400. */
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, {
    message: 'purpose must be a purpose name such as data_processing',
  })
  purpose!: string;

  /**
   * The version of the text the person was shown. To agree it must be the current version (409
   * `/problems/stale-consent-version` otherwise); to withdraw, any published version. Unknown: 400.
   */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;

  /** true to agree, false to withdraw. */
  @IsBoolean()
  granted!: boolean;
}

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
