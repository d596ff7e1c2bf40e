import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Role } from '../common/auth.decorators';
import { ConsentPurpose } from '../consent/consent-purpose';
import { ConsentService } from '../consent/consent.service';
import { AccountView, IdentityService } from '../identity/identity.service';
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

  /**
   * One session, with the volunteer's contact details (and note) where the reader may see them.
   * `therapist`: the session's therapist's profile when the caller has just read it (booking).
   */
  async one(
    actor: Actor,
    session: Session,
    em: EntityManager,
    therapist?: TherapistProfileView,
  ): Promise<SessionDetails> {
    const { details, accounts } = await this.read(actor, [session], em, therapist);
    const found = details.get(session.id)!;
    if (actor.role === Role.Volunteer) return found;
    if (found.volunteerName === null) return { ...found, volunteer: null };
    const volunteer = accounts.get(session.volunteerId);
    if (!volunteer) return { ...found, volunteer: null }; // erased
    const request = await this.repo.findRequest(session.requestId, em);
    return {
      ...found,
      volunteer: { name: volunteer.name, phone: volunteer.phone, note: request?.note ?? null },
    };
  }

  async many(
    actor: Actor,
    sessions: readonly Session[],
    em: EntityManager,
  ): Promise<Map<string, SessionDetails>> {
    return (await this.read(actor, sessions, em)).details;
  }

  private async read(
    actor: Actor,
    sessions: readonly Session[],
    em: EntityManager,
    known?: TherapistProfileView,
  ): Promise<{ details: Map<string, SessionDetails>; accounts: Map<string, AccountView> }> {
    const details = new Map<string, SessionDetails>();
    if (sessions.length === 0) return { details, accounts: new Map() };
    const therapistIds = [...new Set(sessions.map((s) => s.therapistId))];
    const unknown = therapistIds.filter((id) => id !== known?.userId);
    // A known profile carries its therapist's name: only the others' accounts are read.
    const accounts = await this.identity.getMany(
      [...new Set([...unknown, ...sessions.map((s) => s.volunteerId)])],
      em,
    );
    const read = unknown.length > 0 ? await this.people.therapistProfiles(unknown, em) : [];
    const profiles = new Map(read.map((p) => [p.userId, p]));
    if (known) profiles.set(known.userId, known);
    const shared = await this.sharedWith(actor, sessions, em);
    for (const s of sessions) {
      const volunteer = shared(s) ? accounts.get(s.volunteerId) : undefined;
      details.set(s.id, {
        therapistName:
          accounts.get(s.therapistId)?.name ?? profiles.get(s.therapistId)?.name ?? null,
        volunteerName: volunteer?.name ?? null,
        meeting: meeting(s, profiles.get(s.therapistId), volunteer?.phone ?? null),
      });
    }
    return { details, accounts };
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
