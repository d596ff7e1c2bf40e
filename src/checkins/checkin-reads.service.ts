import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkinsConfig } from '../../config/configuration';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../common/access';
import { Actor, Role } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { ValidationFailedException } from '../common/problem';
import { zonedTime } from '../common/time/zoned-time.view';
import { PeopleService } from '../people/people.service';
import type { CallChannel } from './buddy-request.entity';
import type { CheckinStatus, Wellbeing } from './checkin.entity';
import { CheckinsQuery } from './dto/checkin.dto';
import { CheckinView } from './checkins.view';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 92;

interface CallRecord {
  id: string;
  pairing_id: string;
  scheduled_for: Date;
  starts_at: Date;
  status: CheckinStatus;
  wellbeing: Wellbeing | null;
  note: string | null;
  outcome_at: Date | null;
  sequence: number;
  volunteer_id: string;
  buddy_id: string;
  timezone: string;
  channel: CallChannel;
}

const SELECT_CALLS = `
  SELECT c.id, c.pairing_id, c.scheduled_for, c.starts_at, c.status, c.wellbeing, c.note,
         c.outcome_at, c.sequence, p.volunteer_id, p.buddy_id, p.timezone, p.channel
    FROM checkin c
    JOIN pairing p ON p.id = c.pairing_id`;

/** A call as a signed link needs it. */
export interface CallState {
  id: string;
  volunteerId: string;
  buddyId: string;
  startsAt: Date;
  sequence: number;
  status: CheckinStatus;
}

/** Calls as each person sees them: UTC, their own zone, and the other person's. */
@Injectable()
export class CheckinReadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(checkinsConfig.KEY) private readonly config: ConfigType<typeof checkinsConfig>,
  ) {}

  /** My calls (as buddy or volunteer) starting in [from, to), in time order; coordinators: all. */
  async list(actor: Actor, query: CheckinsQuery): Promise<Page<CheckinView>> {
    const from = query.from ? new Date(query.from) : this.clock.now();
    const to = query.to
      ? new Date(query.to)
      : new Date(from.getTime() + this.config.horizonWeeks * 7 * DAY_MS);
    if (to <= from) {
      throw new ValidationFailedException([{ field: 'to', message: 'to must be later than from' }]);
    }
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      throw new ValidationFailedException([
        { field: 'to', message: `to must be at most ${MAX_RANGE_DAYS} days after from` },
      ]);
    }
    const after = decodeCursor(query.cursor);
    const starts = `date_trunc('milliseconds', c.starts_at)`;
    const rows = await this.dataSource.query<CallRecord[]>(
      `${SELECT_CALLS}
        WHERE c.starts_at >= $1 AND c.starts_at < $2
          AND ($3::uuid IS NULL OR p.volunteer_id = $3 OR p.buddy_id = $3)
          AND ($4::timestamptz IS NULL OR (${starts}, c.id) > ($4::timestamptz, $5::uuid))
        ORDER BY ${starts}, c.id
        LIMIT $6`,
      [
        from,
        to,
        actor.role === Role.Coordinator ? null : actor.id,
        after?.at ?? null,
        after?.id ?? null,
        query.limit + 1,
      ],
    );
    const views = await this.views(actor, rows.slice(0, query.limit), query.tz);
    if (actor.role === Role.Coordinator) {
      await this.audit.recordRead(
        actor,
        'checkin.listed',
        views.map((v) => v.id),
      );
    }
    const byId = new Map(views.map((v) => [v.id, v]));
    return toPage(
      rows,
      query.limit,
      (r) => ({ at: new Date(r.starts_at), id: r.id }),
      (r) => byId.get(r.id)!,
    );
  }

  /**
   * Where each of these calls stands, for the signed links of texts (who is on it, when, its
   * version and status), in one read; no access check: the caller checks the person is on it.
   */
  async eventStates(ids: readonly string[]): Promise<Map<string, CallState>> {
    const rows = await this.dataSource.query<CallRecord[]>(
      `${SELECT_CALLS} WHERE c.id = ANY ($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          volunteerId: r.volunteer_id,
          buddyId: r.buddy_id,
          startsAt: r.starts_at,
          sequence: r.sequence,
          status: r.status,
        },
      ]),
    );
  }

  /** One call, to the two people on it and coordinators (audited); 404 to anyone else. */
  async get(actor: Actor, id: string, tz?: string): Promise<CheckinView> {
    const [row] = await this.dataSource.query<CallRecord[]>(`${SELECT_CALLS} WHERE c.id = $1`, [
      id,
    ]);
    const call = requireAccess(actor, row, (r) => [r.volunteer_id, r.buddy_id], {
      coordinator: true,
      what: 'check-in',
    });
    if (actor.role === Role.Coordinator) {
      await this.audit.recordRead(actor, 'checkin.read', [call.id]);
    }
    const [view] = await this.views(actor, [call], tz);
    return view;
  }

  private async views(actor: Actor, rows: CallRecord[], tz?: string): Promise<CheckinView[]> {
    if (rows.length === 0) return [];
    const myZone = tz ?? actor.timezone;
    const buddyIds = [...new Set(rows.map((r) => r.buddy_id))];
    const buddyZones = new Map(
      (await this.people.buddyProfiles(buddyIds)).map((b) => [b.userId, b.timezone]),
    );
    // The buddy's notes about the volunteer are for the buddy and coordinators.
    const seesNotes = (r: CallRecord) => actor.role === Role.Coordinator || r.buddy_id === actor.id;
    return rows.map((r) => {
      const startsAt = new Date(r.starts_at);
      return {
        id: r.id,
        pairingId: r.pairing_id,
        volunteerId: r.volunteer_id,
        buddyId: r.buddy_id,
        status: r.status,
        channel: r.channel,
        startsAt: zonedTime(startsAt, myZone),
        volunteerTime: zonedTime(startsAt, r.timezone),
        buddyTime: zonedTime(startsAt, buddyZones.get(r.buddy_id) ?? 'UTC'),
        scheduledFor: new Date(r.scheduled_for),
        ...(seesNotes(r) ? { wellbeing: r.wellbeing, note: r.note } : {}),
        outcomeAt: r.outcome_at ? new Date(r.outcome_at) : null,
        sequence: r.sequence,
      };
    });
  }
}
