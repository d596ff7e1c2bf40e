import { PairingView } from '../checkins/checkins.view';
import { ConsentStateView } from '../consent/consent.view';
import { PersonView } from '../people/me.view';
import { SessionView } from '../sessions/session.view';

/** Everything a coordinator needs about one person on one page. */
export class PersonRecordView {
  /** Account, profile, vetting (status, expiry, registration) and its history. */
  person!: PersonView;
  /**
   * As volunteer or therapist, newest first, at most 50, times in the coordinator's zone; empty
   * for buddies and coordinators.
   */
  sessions!: SessionView[];
  /** As volunteer or buddy, newest first, at most 50, with both people's names. */
  pairings!: PairingView[];
  /** Where each consent purpose stands for them: given or withdrawn, and when. */
  consents!: ConsentStateView[];
}
