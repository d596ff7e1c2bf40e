import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Role } from '../common/auth.decorators';
import { ConsentPurpose } from '../consent/consent-purpose';
import { ConsentService } from '../consent/consent.service';
import { IdentityService } from '../identity/identity.service';
import { PeopleService } from '../people/people.service';
import type { TherapistProfileView } from '../people/people.types';
import { Session } from './session.entity';
import { SessionStatus } from './session.types';
import { SessionDetails, SessionMeetingView } from './session.view';
import { SessionsRepository } from './sessions.repository';

/**
 * What a session's reader is told beyond its times: the other person's name and how they meet.
 * The volunteer's name, phone and note reach the therapist only while the session is not
 * cancelled and the volunteer's sharing consent holds (DESIGN invariant 7); meeting details only
 * while it is booked. One read of accounts and profiles for a whole page of sessions.
 */
@Injectable()
export class SessionDetailsService {
  constructor(
    private readonly repo: SessionsRepository,
    private readonly people: PeopleService,
    private readonly identity: IdentityService,
    private readonly consent: ConsentService,
  ) {}

  /** One session, with the volunteer's contact details (and note) where the reader may see them. */
  async one(actor: Actor, session: Session, em: EntityManager): Promise<SessionDetails> {
    const details = (await this.many(actor, [session], em)).get(session.id)!;
    if (actor.role === Role.Volunteer) return details;
    if (details.volunteerName === null) return { ...details, volunteer: null };
    const volunteer = await this.identity.find(session.volunteerId, em);
    if (!volunteer) return { ...details, volunteer: null }; // erased
    const request = await this.repo.findRequest(session.requestId, em);
    return {
      ...details,
      volunteer: { name: volunteer.name, phone: volunteer.phone, note: request?.note ?? null },
    };
  }

  async many(
    actor: Actor,
    sessions: readonly Session[],
    em: EntityManager,
  ): Promise<Map<string, SessionDetails>> {
    if (sessions.length === 0) return new Map();
    const therapistIds = [...new Set(sessions.map((s) => s.therapistId))];
    const accounts = await this.identity.getMany(
      [...new Set([...therapistIds, ...sessions.map((s) => s.volunteerId)])],
      em,
    );
    const profiles = new Map(
      (await this.people.therapistProfiles(therapistIds, em)).map((p) => [p.userId, p]),
    );
    const shared = await this.sharedWith(actor, sessions, em);
    const answer = new Map<string, SessionDetails>();
    for (const s of sessions) {
      const volunteer = shared(s) ? accounts.get(s.volunteerId) : undefined;
      answer.set(s.id, {
        therapistName: accounts.get(s.therapistId)?.name ?? null,
        volunteerName: volunteer?.name ?? null,
        meeting: meeting(s, profiles.get(s.therapistId), volunteer?.phone ?? null),
      });
    }
    return answer;
  }

  /** A booked video session's link (the therapist's own, else its room); null otherwise. */
  async videoLink(id: string, em: EntityManager): Promise<string | null> {
    const session = await this.repo.findSession(id, false, em);
    if (!session || session.modality !== 'video') return null;
    const [therapist] = await this.people.therapistProfiles([session.therapistId], em);
    return meeting(session, therapist, null).url ?? null;
  }

  /**
   * Whether each session's volunteer name and contact may be shown to this reader: always to the
   * volunteer and coordinators; to the therapist while the session is not cancelled and both
   * consents hold. Two queries for a whole page of sessions (`consentedAmong`), not two a session.
   */
  private async sharedWith(
    actor: Actor,
    sessions: readonly Session[],
    em: EntityManager,
  ): Promise<(s: Session) => boolean> {
    if (actor.role !== Role.Therapist) return () => true;
    const live = sessions.filter((s) => s.status !== SessionStatus.Cancelled);
    const volunteers = [...new Set(live.map((s) => s.volunteerId))];
    if (volunteers.length === 0) return () => false;
    // One after the other: `em` may be a transaction's single connection.
    const sharing = await this.consent.consentedAmong(
      volunteers,
      ConsentPurpose.ShareWithTherapist,
      em,
    );
    const processing = await this.consent.consentedAmong(
      volunteers,
      ConsentPurpose.DataProcessing,
      em,
    );
    return (s) =>
      s.status !== SessionStatus.Cancelled &&
      sharing.has(s.volunteerId) &&
      processing.has(s.volunteerId);
  }
}

/** How they meet; the details only while the session is booked. */
function meeting(
  s: Session,
  therapist: TherapistProfileView | undefined,
  volunteerPhone: string | null,
): SessionMeetingView {
  if (s.status !== SessionStatus.Booked) return { how: s.modality };
  switch (s.modality) {
    case 'video':
      return { how: 'video', url: therapist?.meetingUrl ?? s.videoRoomUrl ?? null };
    case 'phone':
      return { how: 'phone', whoCalls: 'therapist', phone: volunteerPhone };
    case 'in_person':
      return { how: 'in_person', address: therapist?.address ?? therapist?.town ?? null };
  }
}
