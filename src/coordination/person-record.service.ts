import { Injectable } from '@nestjs/common';
import { PairingReadsService } from '../checkins/pairing-reads.service';
import { Actor } from '../common/auth.decorators';
import { ConsentService } from '../consent/consent.service';
import { ProfilesService } from '../people/profiles.service';
import { SessionsService } from '../sessions/sessions.service';
import { PersonRecordView } from './person-record.view';

/** At most this many sessions and pairings are shown, newest first. */
const LIMIT = 50;

/**
 * A person's whole record for a coordinator: their account and vetting, sessions, pairings and
 * consents, read through what each module exports. Each record shown is audited as read: the
 * person (`person.read`), each session (`session.listed`) and each pairing (`pairing.listed`).
 */
@Injectable()
export class PersonRecordService {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly sessions: SessionsService,
    private readonly pairings: PairingReadsService,
    private readonly consent: ConsentService,
  ) {}

  /** 404 for an unknown or erased account (before anything else is read). */
  async read(coordinator: Actor, userId: string): Promise<PersonRecordView> {
    const person = await this.profiles.person(coordinator, userId);
    const { purposes } = await this.consent.overview(userId);
    return {
      person,
      sessions: await this.sessions.ofPerson(coordinator, person, LIMIT),
      pairings: await this.pairings.ofPerson(coordinator, userId, LIMIT),
      consents: purposes,
    };
  }
}
