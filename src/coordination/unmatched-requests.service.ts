import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { BuddyRequestsService } from '../checkins/buddy-requests.service';
import { Actor } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { IdentityService } from '../identity/identity.service';
import { SessionRequestsService } from '../sessions/session-requests.service';
import { UnmatchedRequestListView, UnmatchedRequestsView } from './unmatched-requests.view';

const DAY_MS = 86_400_000;
/** Waiting longer than this counts as unmatched. */
const WAITING_DAYS = 7;
/** At most this many of each kind are listed, oldest first. */
const LIST_LIMIT = 100;

/** Session and buddy requests nobody has answered for over a week: the counts and the list. */
@Injectable()
export class UnmatchedRequestsService {
  constructor(
    private readonly sessionRequests: SessionRequestsService,
    private readonly buddyRequests: BuddyRequestsService,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async counts(): Promise<UnmatchedRequestsView> {
    const olderThan = this.cutoff();
    return {
      olderThan,
      sessionRequests: await this.sessionRequests.countWaitingSince(olderThan),
      buddyRequests: await this.buddyRequests.countWaitingSince(olderThan),
    };
  }

  /** Each request shown, with its volunteer's name, is audited as read (`*.listed`). */
  async list(actor: Actor): Promise<UnmatchedRequestListView> {
    const olderThan = this.cutoff();
    const sessions = await this.sessionRequests.waitingSince(olderThan, LIST_LIMIT);
    const buddies = await this.buddyRequests.waitingSince(olderThan, LIST_LIMIT);
    const names = await this.identity.getMany([
      ...sessions.map((r) => r.volunteerId),
      ...buddies.map((r) => r.volunteerId),
    ]);
    const nameOf = (id: string) => names.get(id)?.name ?? null;
    await this.audit.recordRead(
      actor,
      'session_request.listed',
      sessions.map((r) => r.id),
    );
    await this.audit.recordRead(
      actor,
      'buddy_request.listed',
      buddies.map((r) => r.id),
    );
    return {
      olderThan,
      sessionRequests: sessions.map((r) => ({
        id: r.id,
        volunteerId: r.volunteerId,
        volunteerName: nameOf(r.volunteerId),
        modality: r.modality,
        languages: r.languages,
        notBefore: r.notBefore,
        notAfter: r.notAfter,
        therapistGender: r.therapistGender,
        createdAt: r.createdAt,
      })),
      buddyRequests: buddies.map((r) => ({
        id: r.id,
        volunteerId: r.volunteerId,
        volunteerName: nameOf(r.volunteerId),
        phase: r.phase,
        languages: r.languages,
        preferredKind: r.preferredKind,
        channel: r.channel,
        createdAt: r.createdAt,
      })),
    };
  }

  private cutoff(): Date {
    return new Date(this.clock.now().getTime() - WAITING_DAYS * DAY_MS);
  }
}
