import { Sealer } from './concern-cipher.service';
import { ConcernEntry } from './concern-entry.entity';
import { Concern } from './concern.entity';
import {
  ConcernCategory,
  ConcernEntryKind,
  ConcernSource,
  ConcernStatus,
  ConcernUrgency,
} from './concern-types';

/** What a reporter sees of their own report: that it is being handled, nothing more. */
export class ConcernStatusView {
  id!: string;
  category!: ConcernCategory;
  urgency!: ConcernUrgency;
  status!: ConcernStatus;
  createdAt!: Date;
  updatedAt!: Date;
}

/** A coordinator's list line (no free text; open the concern to read it). */
export class ConcernSummaryView extends ConcernStatusView {
  source?: ConcernSource;
  /** Null when the subject is not registered. */
  subjectUserId?: string | null;
  /** Null once the reporter erased their data (see reporterPseudonym). */
  reporterId?: string | null;
  reporterPseudonym?: string | null;
  /** Coordinators, on the list and one concern: the subject's name; null when unregistered or erased. */
  subjectName?: string | null;
  /** Coordinators, on the list and one concern: who reported it; null for the service or once erased. */
  reporterName?: string | null;
}

export class ConcernPageView {
  /** Reporters get ConcernStatusView items; coordinators ConcernSummaryView. */
  items!: ConcernSummaryView[];
  nextCursor!: string | null;
}

export class ConcernEntryView {
  id!: string;
  at!: Date;
  kind!: ConcernEntryKind;
  actorId!: string | null;
  fromStatus!: ConcernStatus | null;
  toStatus!: ConcernStatus | null;
  reason!: string | null;
  referredTo!: string | null;
  note!: string | null;
}

/** Everything about a concern, for coordinators. */
export class ConcernView extends ConcernSummaryView {
  subjectDescription!: string | null;
  details!: string;
  location!: string | null;
  occurredAt!: Date | null;
  checkinId!: string | null;
  history!: ConcernEntryView[];
}

/** The associated data binding a sealed value to its row and field. */
export const concernContext = (id: string, field: string) => `concern:${id}:${field}`;
export const entryContext = (concernId: string, field: string) =>
  `concern:${concernId}:entry:${field}`;

export const toStatusView = (c: Concern): ConcernStatusView => ({
  id: c.id,
  category: c.category,
  urgency: c.urgency,
  status: c.status,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const toSummary = (c: Concern): ConcernSummaryView => ({
  ...toStatusView(c),
  source: c.source,
  subjectUserId: c.subjectUserId,
  reporterId: c.reporterId,
  reporterPseudonym: c.reporterPseudonym,
});

const toEntry = (sealer: Sealer, e: ConcernEntry): ConcernEntryView => ({
  id: e.id,
  at: e.at,
  kind: e.kind,
  actorId: e.actorId,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  reason: sealer.openOptional(e.reasonSealed, entryContext(e.concernId, 'reason')),
  referredTo: sealer.openOptional(e.referredToSealed, entryContext(e.concernId, 'referred_to')),
  note: sealer.openOptional(e.noteSealed, entryContext(e.concernId, 'note')),
});

export const toFullView = (sealer: Sealer, c: Concern, history: ConcernEntry[]): ConcernView => ({
  ...toSummary(c),
  subjectDescription: sealer.openOptional(
    c.subjectDescriptionSealed,
    concernContext(c.id, 'subject_description'),
  ),
  details: sealer.open(c.detailsSealed, concernContext(c.id, 'details')),
  location: sealer.openOptional(c.locationSealed, concernContext(c.id, 'location')),
  occurredAt: c.occurredAt,
  checkinId: c.checkinId,
  history: history.map((e) => toEntry(sealer, e)),
});
