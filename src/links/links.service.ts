import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import { linksConfig } from '../../config/configuration';
import { TherapistSlotsService } from '../availability/therapist-slots.service';
import { CallState, CheckinReadsService } from '../checkins/checkin-reads.service';
import { CheckinsService } from '../checkins/checkins.service';
import { Actor } from '../common/auth.decorators';
import { batcher } from '../common/batcher';
import { Clock } from '../common/clock';
import { NotFoundError, RuleViolationError } from '../common/domain-error';
import { zonedTime } from '../common/time/zoned-time.view';
import { IdentityService } from '../identity/identity.service';
import { FORBIDDEN_WORDS } from '../notifications/notification-templates';
import { BookSession } from '../sessions/book-session.service';
import { SessionStatus } from '../sessions/session.types';
import { SessionState, SessionsService } from '../sessions/sessions.service';
import { LinkRescheduleDto, LinkSlotsQuery } from './dto/link.dto';
import {
  CODE_PATTERN,
  hashCode,
  LinkFields,
  newCode,
  signLink,
  stableCode,
  verifyLink,
} from './link-code';
import { LinkLimiter } from './link-limiter.service';
import { LinkDoneView, LinkMeetingView, LinkSlotsView, LinkView } from './link.view';
import { LinkKind, SignedLink } from './signed-link.entity';
import { SignedLinksRepository } from './signed-links.repository';

/** The event a link names, as it is now. */
interface EventState {
  kind: LinkKind;
  startsAt: Date;
  endsAt: Date | null;
  version: number;
  /** Booked (a session) or scheduled (a call). */
  open: boolean;
  /** The session's therapist, whose free slots a move may pick from. */
  therapistId?: string;
}

interface Opened {
  link: SignedLink;
  actor: Actor;
  event: EventState;
}

const DESCRIPTION: Record<LinkKind, string> = {
  session: 'Your session',
  checkin: 'Your check-in call',
};

/** Shown to the other person with the cancellation; says nothing about the reason. */
const CANCEL_REASON = 'Cancelled from a link';

/**
 * Short signed links in texts and invites: view, move or cancel one session or call as the one
 * person it was sent to, without signing in. Every change goes through the sessions and checkins
 * services acting as that person, so notice, overlap, capacity, consent, audit and the texts to
 * the other person apply exactly as when they sign in. Whatever is wrong with a link (unknown,
 * tampered, expired, moved, cancelled), the answer is the same 404.
 */
@Injectable()
export class LinksService {
  constructor(
    private readonly repo: SignedLinksRepository,
    private readonly limiter: LinkLimiter,
    private readonly identity: IdentityService,
    private readonly sessions: SessionsService,
    private readonly booking: BookSession,
    private readonly therapistSlots: TherapistSlotsService,
    private readonly checkins: CheckinsService,
    private readonly calls: CheckinReadsService,
    private readonly clock: Clock,
    @Inject(linksConfig.KEY) private readonly config: ConfigType<typeof linksConfig>,
  ) {}

  /**
   * A link for exactly these fields: `${PUBLIC_BASE_URL}/l/<code>`, a new random code unless one
   * is given (the invite's stable code, whose row may already be there and is then kept).
   */
  async mint(fields: LinkFields, em?: EntityManager, code = cleanCode(newCode)): Promise<string> {
    const codeHash = hashCode(code);
    const signature = signLink(this.config.secret, codeHash, fields);
    const link = { ...fields, codeHash, signature } as SignedLink;
    await (em ? this.repo.insert([link], em) : this.inserts(link));
    return `${this.config.publicBaseUrl}/l/${code}`;
  }

  /**
   * A link to the event as it is now, for one of its two people; null if the event is over,
   * cancelled or not theirs (a text is then sent without one).
   */
  async linkFor(kind: LinkKind, objectId: string, person: string | Actor): Promise<string | null> {
    const fields = await this.liveFields(kind, objectId, person);
    return fields && this.mint(fields);
  }

  /**
   * The link in a session's invite: like `linkFor`, but every download of the invite for one
   * version of the session gets the same link, and one row (the live one is reused, not minted
   * again). Texts keep a code of their own each.
   */
  async invitationLinkFor(sessionId: string, personId: string): Promise<string | null> {
    const fields = await this.liveFields('session', sessionId, personId);
    if (!fields) return null;
    let attempt = 0;
    const code = cleanCode(() => stableCode(this.config.secret, fields, attempt++));
    return this.mint(fields, undefined, code);
  }

  /** What a link to the event as it is now would name, or null if none may be made. */
  private async liveFields(
    kind: LinkKind,
    objectId: string,
    person: string | Actor,
  ): Promise<LinkFields | null> {
    // A caller that has the person's account already (the text renderer) saves a read.
    const actor = typeof person === 'string' ? await this.actorFor(person) : person;
    const personId = typeof person === 'string' ? person : person.id;
    const event = actor ? await this.eventState(kind, objectId, actor) : null;
    if (!event || !this.usable(event)) return null;
    return { kind, objectId, personId, version: event.version, expiresAt: event.startsAt };
  }

  async view(code: string, ip: string | undefined): Promise<LinkView> {
    const { link, actor, event } = await this.open(code, ip);
    return {
      meeting: event.kind === 'session' ? await this.meeting(actor, link.objectId) : null,
      kind: event.kind,
      description: DESCRIPTION[event.kind],
      startsAt: zonedTime(event.startsAt, actor.timezone),
      endsAt: event.endsAt ? zonedTime(event.endsAt, actor.timezone) : null,
      can: { reschedule: true, cancel: true },
    };
  }

  /** The session's free slots in [from, to), in the person's zone. Sessions only. */
  async slots(code: string, ip: string | undefined, query: LinkSlotsQuery): Promise<LinkSlotsView> {
    const { actor, event } = await this.open(code, ip);
    if (!event.therapistId) throw new LinkCannotError();
    const found = await this.therapistSlots.search(actor, event.therapistId, {
      from: query.from,
      to: query.to,
      tz: actor.timezone,
    });
    return {
      timezone: found.timezone,
      from: found.from,
      to: found.to,
      slots: found.slots,
    };
  }

  /** Moves the event; the link dies with the old version and a text brings the new time. */
  async reschedule(
    code: string,
    ip: string | undefined,
    dto: LinkRescheduleDto,
  ): Promise<LinkDoneView> {
    const { link, actor, event } = await this.open(code, ip);
    let startsAt: Date;
    if (event.kind === 'session') {
      const moved = await asLink(this.booking.reschedule(actor, link.objectId, dto, link.version));
      startsAt = new Date(moved.startsAt.utc);
    } else {
      await asLink(this.checkins.reschedule(actor, link.objectId, dto, link.version));
      startsAt = new Date(dto.startsAt);
    }
    return {
      status: 'moved',
      description: DESCRIPTION[event.kind],
      startsAt: zonedTime(startsAt, actor.timezone),
    };
  }

  /** Cancels the session or the call (the web page asks once more first). */
  async cancel(code: string, ip: string | undefined): Promise<LinkDoneView> {
    const { link, actor, event } = await this.open(code, ip);
    if (event.kind === 'session') {
      await asLink(this.sessions.cancel(actor, link.objectId, CANCEL_REASON, link.version));
    } else {
      await asLink(this.checkins.cancel(actor, link.objectId, link.version));
    }
    return {
      status: 'cancelled',
      description: DESCRIPTION[event.kind],
      startsAt: zonedTime(event.startsAt, actor.timezone),
    };
  }

  /** How the session happens, for the link's person, without the phone number. */
  private async meeting(actor: Actor, sessionId: string): Promise<LinkMeetingView> {
    const session = await this.sessions.readable(actor, sessionId, 'session.read');
    const { how, url, whoCalls, address } = (await this.sessions.details(actor, session)).meeting;
    const caller = actor.id === session.therapistId ? 'you' : 'other';
    return { how, url, whoCalls: whoCalls && caller, address };
  }

  /** Counts the attempt per IP first; a live link takes it back. */
  private async open(code: string, ip: string | undefined): Promise<Opened> {
    await this.limiter.attempt(ip);
    const opened = await this.resolve(code);
    if (!opened) throw new NotFoundError('link');
    await this.limiter.succeeded(ip);
    return opened;
  }

  private async resolve(code: string): Promise<Opened | null> {
    if (!CODE_PATTERN.test(code)) return null;
    const codeHash = hashCode(code);
    const link = await this.repo.findByHash(codeHash);
    if (!link || !verifyLink(this.config.secret, codeHash, link, link.signature)) return null;
    if (link.expiresAt <= this.clock.now()) return null;
    const actor = await this.actorFor(link.personId);
    const event = actor ? await this.eventState(link.kind, link.objectId, actor) : null;
    if (!actor || !event || event.version !== link.version || !this.usable(event)) return null;
    return { link, actor, event };
  }

  private usable(event: EventState): boolean {
    return event.open && event.startsAt > this.clock.now();
  }

  /** The person as the services know them when they sign in: id, role and zone. */
  private async actorFor(personId: string): Promise<Actor | null> {
    const account = await this.identity.find(personId);
    return account ? { id: account.id, role: account.role, timezone: account.timezone } : null;
  }

  /**
   * The event if `actor` is one of its two people (never a coordinator's reach); else null. Read
   * with every other event asked about at the same moment (the texts being sent).
   */
  private async eventState(kind: LinkKind, id: string, actor: Actor): Promise<EventState | null> {
    const state = await this.states({ kind, id });
    return state && state.people.includes(actor.id) ? state.event : null;
  }

  private readonly states = batcher<
    { kind: LinkKind; id: string },
    { people: string[]; event: EventState } | null
  >(async (keys) => {
    const ids = (kind: LinkKind) => keys.filter((k) => k.kind === kind).map((k) => k.id);
    const [sessions, calls] = await Promise.all([
      ids('session').length
        ? this.sessions.eventStates(ids('session'))
        : new Map<string, SessionState>(),
      ids('checkin').length ? this.calls.eventStates(ids('checkin')) : new Map<string, CallState>(),
    ]);
    return keys.map(({ kind, id }) => {
      if (kind === 'session') {
        const s = sessions.get(id);
        if (!s) return null;
        return {
          people: [s.volunteerId, s.therapistId],
          event: {
            kind,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            version: s.sequence,
            open: s.status === SessionStatus.Booked,
            therapistId: s.therapistId,
          },
        };
      }
      const c = calls.get(id);
      if (!c) return null;
      return {
        people: [c.volunteerId, c.buddyId],
        event: {
          kind,
          startsAt: c.startsAt,
          endsAt: null,
          version: c.sequence,
          open: c.status === 'scheduled',
        },
      };
    });
  });

  /** New links, saved with the others minted at the same moment. */
  private readonly inserts = batcher<SignedLink, void>(async (links) => {
    await this.repo.insert(links);
    return links.map(() => undefined);
  });
}

export class LinkCannotError extends RuleViolationError {
  constructor() {
    super(
      'link-cannot',
      'Free times are offered for sessions only; a call can move to any future time.',
    );
  }
}

/** The first code `next` gives with no forbidden word in it: it is shown in texts on lock screens. */
function cleanCode(next: () => string): string {
  for (;;) {
    const code = next();
    const lower = code.toLowerCase();
    if (!FORBIDDEN_WORDS.some((word) => lower.includes(word))) return code;
  }
}

/**
 * The services re-check the link's version under their row lock: an event that changed between
 * opening the link and acting on it answers the same 404 as any dead link.
 */
async function asLink<T>(action: Promise<T>): Promise<T> {
  try {
    return await action;
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError('link');
    throw error;
  }
}
