import 'reflect-metadata';
import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppRole, validateEnv } from '../config/configuration';
import { isProduction } from '../config/node-env';
import { AppModule } from './app.module';
import { addDays, localToday } from './common/time/wall-clock';
import { CreateBuddyRequestDto } from './checkins/dto/create-buddy-request.dto';
import { CreatePairingDto } from './checkins/dto/pairing.dto';
import { BuddyRequestsService } from './checkins/buddy-requests.service';
import { PairingsService } from './checkins/pairings.service';
import { Actor, Role } from './common/auth.decorators';
import { Clock } from './common/clock';
import { ConflictError } from './common/domain-error';
import { validationPipe } from './common/validation';
import { AvailabilityExceptionDto, PutAvailabilityDto } from './availability/dto/availability.dto';
import { MyAvailabilityService } from './availability/my-availability.service';
import { ConsentChannel } from './consent/consent-purpose';
import { ConsentService } from './consent/consent.service';
import { RegisterDto } from './identity/dto/register.dto';
import { IdentityService } from './identity/identity.service';
import { ensureDatabase, runMigrations } from './migrate';
import { DeliveryService } from './notifications/delivery.service';
import { TwilioWebhooksService } from './notifications/twilio-webhooks.service';
import { parseProfileInput, ProfileRole } from './people/dto/profile-input.dto';
import { VerifyInput } from './people/vetting/vetting.dto';
import { ProfilesService } from './people/profiles.service';
import { VettingService } from './people/vetting/vetting.service';
import { RaiseConcernDto } from './safeguarding/dto/concern.dto';
import { ConcernsService } from './safeguarding/concerns.service';
import { BookSession } from './sessions/book-session.service';
import { BookSessionDto } from './sessions/dto/session.dto';
import { CreateSessionRequestDto } from './sessions/dto/session-request.dto';
import { SessionMatchesService } from './sessions/session-matches.service';
import { SessionRequestsService } from './sessions/session-requests.service';
import {
  BUDDIES,
  COORDINATOR,
  DEMO_PASSWORD,
  DemoBuddy,
  DemoTherapist,
  DemoVolunteer,
  PENDING_THERAPIST,
  THERAPISTS,
  VOLUNTEERS,
} from './demo-world';

export { DEMO_DOMAIN, DEMO_PASSWORD } from './demo-world';

export interface DemoSummary {
  status: 'seeded' | 'already-seeded';
  coordinator: string;
  therapists: string[];
  buddies: string[];
  volunteers: string[];
  sessions: number;
  pairings: number;
}

/**
 * A small living world for a newcomer, made through the same services (and the same input
 * validation) as the API, so every invariant, audit row and outbox text exists as in real use.
 * Refuses, without changing anything, when the demo coordinator already exists.
 */
export async function seedDemo(app: INestApplicationContext): Promise<DemoSummary> {
  const seed = new DemoSeed(app);
  return seed.run();
}

class DemoSeed {
  private readonly identity: IdentityService;
  private readonly now: Date;
  private sessions = 0;
  private pairings = 0;

  constructor(private readonly app: INestApplicationContext) {
    this.identity = app.get(IdentityService);
    this.now = app.get(Clock).now();
  }

  async run(): Promise<DemoSummary> {
    const summary = {
      coordinator: COORDINATOR.email,
      therapists: [...THERAPISTS, PENDING_THERAPIST].map((t) => t.email),
      buddies: BUDDIES.map((b) => b.email),
      volunteers: VOLUNTEERS.map((v) => v.email),
    };
    let coordinator: Actor;
    try {
      coordinator = await this.account(COORDINATOR.email, Role.Coordinator, COORDINATOR);
    } catch (error) {
      if (error instanceof ConflictError) {
        return { status: 'already-seeded', ...summary, sessions: 0, pairings: 0 };
      }
      throw error;
    }
    const therapists = new Map<string, Actor>();
    for (const t of THERAPISTS) therapists.set(t.email, await this.therapist(coordinator, t));
    await this.therapist(null, PENDING_THERAPIST);
    const buddies = new Map<string, Actor>();
    for (const b of BUDDIES) buddies.set(b.email, await this.buddy(coordinator, b));
    const volunteers = new Map<string, Actor>();
    for (const v of VOLUNTEERS)
      volunteers.set(v.email, await this.volunteer(v, therapists, buddies));
    await this.concern(buddies, volunteers);
    await this.failedText(volunteers);
    return { status: 'seeded', ...summary, sessions: this.sessions, pairings: this.pairings };
  }

  private async account(
    email: string,
    role: Role,
    p: { name: string; phone?: string; timezone: string },
  ): Promise<Actor> {
    const { name, phone, timezone } = p;
    const fields = { email, password: DEMO_PASSWORD, role, name, phone, timezone };
    // Coordinators have no sign-up route; everyone else passes its validation, as on the web.
    // Demo addresses and numbers are the seed's own: confirmed, so the demo signs in and texts.
    const confirmed = { emailConfirmed: true, phoneConfirmed: true };
    const account = await this.identity.createAccount(
      { ...(role === Role.Coordinator ? fields : await input(RegisterDto, fields)), ...confirmed },
      null,
    );
    return { id: account.id, role, timezone: account.timezone };
  }

  private async profile(actor: Actor, body: Record<string, unknown>): Promise<void> {
    const role = actor.role as ProfileRole;
    await this.app
      .get(ProfilesService)
      .save({ ...actor, role }, await parseProfileInput(role, body));
  }

  private async therapist(coordinator: Actor | null, t: DemoTherapist): Promise<Actor> {
    const actor = await this.account(t.email, Role.Therapist, t);
    await this.profile(actor, t.profile);
    if (coordinator) {
      await this.app.get(VettingService).verify(
        coordinator,
        actor.id,
        await input(VerifyInput, {
          evidence: `${t.profile.membershipBody} register entry ${t.profile.membershipNumber} checked`,
          expiresOn: this.dateIn(t.vettingDays ?? 365),
        }),
      );
    }
    await this.availability(actor, t.timezone, t.weekly, t.dayOffInDays);
    return actor;
  }

  private async buddy(coordinator: Actor, b: DemoBuddy): Promise<Actor> {
    const actor = await this.account(b.email, Role.Buddy, b);
    await this.profile(actor, b.profile);
    await this.app
      .get(VettingService)
      .verify(
        coordinator,
        actor.id,
        await input(VerifyInput, { evidence: 'DBS certificate seen' }),
      );
    await this.availability(actor, b.timezone, b.weekly);
    return actor;
  }

  private async availability(
    actor: Actor,
    timezone: string,
    weekly: Array<{ weekday: number; start: string; end: string }>,
    dayOffInDays?: number,
  ): Promise<void> {
    const mine = this.app.get(MyAvailabilityService);
    await mine.replaceWeekly(actor, await input(PutAvailabilityDto, { timezone, weekly }));
    if (dayOffInDays !== undefined) {
      await mine.setException(
        actor,
        await input(AvailabilityExceptionDto, {
          date: this.dateIn(dayOffInDays, timezone),
          unavailable: true,
        }),
      );
    }
  }

  private async volunteer(
    v: DemoVolunteer,
    therapists: Map<string, Actor>,
    buddies: Map<string, Actor>,
  ): Promise<Actor> {
    const actor = await this.account(v.email, Role.Volunteer, v);
    await this.profile(actor, {
      languages: v.languages,
      deployments: [
        {
          location: v.deployment.location,
          country: v.deployment.country,
          startsOn: this.dateIn(v.deployment.fromDays, v.timezone),
          endsOn: this.dateIn(v.deployment.toDays, v.timezone),
        },
      ],
    });
    const consent = this.app.get(ConsentService);
    for (const purpose of v.consents) {
      await consent.record(actor.id, {
        purpose,
        granted: true,
        channel: ConsentChannel.Web,
        actor,
      });
    }
    if (v.session) await this.book(actor, v, therapists.get(v.session.therapist)!);
    if (v.buddy) {
      const request = await this.app.get(BuddyRequestsService).create(
        actor,
        await input(CreateBuddyRequestDto, {
          channel: 'phone',
          callWindows: [
            { weekday: v.buddy.weekday, start: '17:00', end: '20:00' },
            { weekday: 6, start: '10:00', end: '13:00' },
          ],
        }),
      );
      if (v.buddy.with) {
        await this.app.get(PairingsService).create(
          actor,
          await input(CreatePairingDto, {
            requestId: request.id,
            buddyId: buddies.get(v.buddy.with)!.id,
            cadence: 'weekly',
            weekday: v.buddy.weekday,
            localTime: '18:00',
            timezone: v.timezone,
          }),
        );
        this.pairings++;
      }
    }
    return actor;
  }

  /** Asks for the one session and books one of the named therapist's free slots. */
  private async book(actor: Actor, v: DemoVolunteer, therapist: Actor): Promise<void> {
    const request = await this.app.get(SessionRequestsService).create(
      actor,
      await input(CreateSessionRequestDto, {
        languages: v.languages,
        modality: 'video',
        notBefore: new Date(this.now.getTime() + 2 * DAY_MS).toISOString(),
        notAfter: new Date(this.now.getTime() + 21 * DAY_MS).toISOString(),
      }),
    );
    const matches = await this.app.get(SessionMatchesService).matches(actor, request.id);
    const match = matches.items.find((m) => m.therapistId === therapist.id);
    const slot = match?.nextSlots[v.session!.slot] ?? match?.nextSlots[0];
    if (!slot) throw new Error(`Demo seed: ${v.email} found no free slot with their therapist`);
    await this.app.get(BookSession).book(
      actor,
      await input(BookSessionDto, {
        requestId: request.id,
        therapistId: therapist.id,
        startsAt: slot.utc,
      }),
    );
    this.sessions++;
  }

  private async concern(buddies: Map<string, Actor>, volunteers: Map<string, Actor>) {
    const reporter = buddies.get(BUDDIES[2].email)!;
    const subject = volunteers.get(VOLUNTEERS[5].email)!;
    await this.app.get(ConcernsService).raise(
      reporter,
      await input(RaiseConcernDto, {
        subjectUserId: subject.id,
        category: 'volunteer_wellbeing',
        urgency: 'high',
        details:
          'On our call she said she has not been sleeping since the camp clearance and sounded very low. She agreed I could tell the coordinator.',
      }),
    );
  }

  /**
   * The first volunteer's booking confirmation, sent through the outbox (with the log transport
   * the seed insists on) and then reported undelivered by the provider, as Twilio's status
   * callback would: the coordinator's failed-texts list has one entry.
   */
  private async failedText(volunteers: Map<string, Actor>): Promise<void> {
    const volunteer = volunteers.get(VOLUNTEERS[0].email)!;
    const db = this.app.get(DataSource);
    const [row] = await db.query<Array<{ id: string }>>(
      `SELECT id FROM notification
        WHERE recipient_id = $1 AND template = 'session_confirmation' AND channel <> 'email'`,
      [volunteer.id],
    );
    if (!row) throw new Error('Demo seed: the first volunteer has no booking confirmation');
    await this.app.get(DeliveryService).deliver(row.id, new Date());
    const [sent] = await db.query<Array<{ sid: string | null }>>(
      `SELECT provider_message_id AS sid FROM notification WHERE id = $1`,
      [row.id],
    );
    if (!sent?.sid) throw new Error('Demo seed: the booking confirmation was not sent');
    // 30003: Twilio's "unreachable destination handset".
    await this.app.get(TwilioWebhooksService).statusReport(sent.sid, 'undelivered', '30003');
  }

  /** The calendar date `days` from today in `zone` (negative for the past). */
  private dateIn(days: number, zone = 'Europe/London'): string {
    return addDays(localToday(this.now, zone), days);
  }
}

const DAY_MS = 86_400_000;

/** The same validation (and 400 naming each field) as the HTTP body of that route. */
async function input<T>(metatype: Type<T>, body: Record<string, unknown>): Promise<T> {
  return (await validationPipe.transform(body, { type: 'body', metatype })) as T;
}

function printSummary(summary: DemoSummary, baseUrl: string): void {
  if (summary.status === 'already-seeded') {
    console.log(
      'Demo data: already seeded (the demo coordinator exists). Nothing changed.\n' +
        'To start again, use a fresh database (DATABASE_URL).',
    );
  } else {
    console.log(
      `Demo data seeded: ${summary.therapists.length} therapists (one awaiting vetting), ${summary.buddies.length} buddies, ` +
        `${summary.volunteers.length} volunteers, ${summary.sessions} booked sessions, ` +
        `${summary.pairings} buddy pairings, 1 open concern, 1 failed text.`,
    );
  }
  console.log(`
Sign in at ${baseUrl}/ with any of these, password "${DEMO_PASSWORD}":
  coordinator  ${summary.coordinator}
  therapists   ${summary.therapists.join(', ')}
  buddies      ${summary.buddies.join(', ')}
  volunteers   ${summary.volunteers.join(', ')}`);
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const env = validateEnv(process.env);
  // The demo's phone numbers are made up but may belong to someone: never text them.
  if (isProduction(process.env.NODE_ENV) || env.SMS_DRIVER !== 'log') {
    console.error('Refusing to seed demo data in production or with SMS_DRIVER other than log.');
    process.exit(2);
  }
  await ensureDatabase(env.DATABASE_URL);
  await runMigrations(env.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(AppModule.forRole(AppRole.Api), {
    logger: ['error'],
  });
  try {
    printSummary(await seedDemo(app), env.PUBLIC_BASE_URL.replace(/\/$/, ''));
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
