import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import { appConfig } from '../../config/configuration';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { BookSession } from './book-session.service';
import {
  BookSessionDto,
  CancelSessionDto,
  RescheduleSessionDto,
  SessionListQuery,
  SessionOutcomeDto,
  TimeZoneQuery,
} from './dto/session.dto';
import { idempotencyKey } from '../common/idempotency';
import { SessionCalendarLinks, invitePlace, sessionCalendar } from './session-calendar';
import { SessionsService } from './sessions.service';
import { SessionView, SessionPageView } from './session.view';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1/sessions')
export class SessionsController {
  constructor(
    private readonly booking: BookSession,
    private readonly sessions: SessionsService,
    private readonly calendarLinks: SessionCalendarLinks,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /**
   * Books the volunteer's session from their request. 409 `slot-taken` or
   * `session-already-used`; 422 `outside-availability`, `too-short-notice`, `off-grid`,
   * `capacity-reached`, `therapist-not-matchable`; 403 `consent-missing`. With an
   * `Idempotency-Key`, a retry of the same body gets the same answer; another body, 422.
   */
  @Roles(Role.Volunteer)
  @ApiHeader({
    // The same name as @Headers() below, so the document merges them into one optional header.
    name: 'idempotency-key',
    required: false,
    description: 'Makes a retry safe: the same key and body get the same answer.',
  })
  @ApiProblems(404, 409, 422)
  @Post()
  book(
    @CurrentActor() actor: Actor,
    @Body() dto: BookSessionDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<SessionView> {
    return this.booking.book(actor, dto, idempotencyKey(key));
  }

  /** My sessions (volunteer or therapist), or all of them for a coordinator; newest first. */
  @Roles(Role.Volunteer, Role.Therapist, Role.Coordinator)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: SessionListQuery): Promise<SessionPageView> {
    return this.sessions.list(actor, query);
  }

  /**
   * One session. Its therapist also sees the volunteer's contact details while the volunteer's
   * sharing consent holds and the session is not cancelled.
   */
  @Roles(Role.Volunteer, Role.Therapist, Role.Coordinator)
  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimeZoneQuery,
  ): Promise<SessionView> {
    return this.sessions.get(actor, id, query.tz);
  }

  /**
   * The session as an iCalendar invite (METHOD:CANCEL once cancelled). For the volunteer or the
   * therapist, it carries a signed link to see, move or cancel it without signing in.
   */
  @Roles(Role.Volunteer, Role.Therapist, Role.Coordinator)
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="wellbeing-session.ics"')
  // Names, times and a live signed link: never kept by a browser or a proxy (as all of /v1).
  @Header('Cache-Control', 'no-store')
  @Get(':id/calendar.ics')
  async calendar(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    const session = await this.sessions.readable(actor, id, 'session.calendar_read');
    const link = await this.calendarLinks.linkFor(session, actor.id);
    const details = await this.sessions.details(actor, session);
    const reader =
      actor.id === session.volunteerId
        ? 'volunteer'
        : actor.id === session.therapistId
          ? 'therapist'
          : 'other';
    const other = reader === 'volunteer' ? details.therapistName : details.volunteerName;
    const place = invitePlace(details.meeting, reader, other);
    return sessionCalendar(session, this.app.publicBaseUrl, link ?? undefined, place);
  }

  /** Moves the session (same rules as booking); the invite's SEQUENCE goes up. */
  @Roles(Role.Volunteer, Role.Therapist)
  @ApiProblems(409, 422)
  @Post(':id/reschedule')
  @HttpCode(200)
  reschedule(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RescheduleSessionDto,
  ): Promise<SessionView> {
    return this.booking.reschedule(actor, id, dto);
  }

  /** Cancels a booked session: the slot and the volunteer's session are free again. */
  @Roles(Role.Volunteer, Role.Therapist, Role.Coordinator)
  @ApiProblems(409)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelSessionDto,
  ): Promise<SessionView> {
    return this.sessions.cancel(actor, id, dto.reason);
  }

  /** The therapist records `completed` or `no_show`, once the session has started. */
  @Roles(Role.Therapist)
  @ApiProblems(409, 422)
  @Post(':id/outcome')
  @HttpCode(200)
  outcome(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SessionOutcomeDto,
  ): Promise<SessionView> {
    return this.sessions.recordOutcome(actor, id, dto.status);
  }
}
