import { Sealer } from './concern-cipher';
import { ConcernEntry } from './concern-entry.entity';
import { Concern } from './concern.entity';
import {
  ConcernView,
  ConcernEntryView,
  ConcernStatusView,
  ConcernSummaryView,
} from './dto/concern.dto';

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
