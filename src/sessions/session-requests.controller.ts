import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { MatchListView } from './match.view';
import { CreateSessionRequestDto } from './dto/session-request.dto';
import { TimeZoneQuery } from './dto/session.dto';
import { SessionMatchesService } from './session-matches.service';
import { SessionRequestsService } from './session-requests.service';
import { SessionRequestListView, SessionRequestView } from './session-request.view';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1')
export class SessionRequestsController {
  constructor(
    private readonly requests: SessionRequestsService,
    private readonly matching: SessionMatchesService,
  ) {}

  /**
   * A volunteer asks for their therapy session. Needs consent to `data_processing` and
   * `share_with_therapist` (403 naming the missing one); 422 `not-eligible` before the volunteer
   * has returned or is about to; 409 `open-request-exists` (with `requestId`) while they have an
   * open request whose dates have not passed (one whose dates have passed lapses instead).
   */
  @Roles(Role.Volunteer)
  @ApiProblems(409, 422)
  @Post('session-requests')
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateSessionRequestDto,
  ): Promise<SessionRequestView> {
    return this.requests.create(actor, dto);
  }

  /** My open request, if any: what I asked for, since when, to go back to choosing. */
  @Roles(Role.Volunteer)
  @Get('me/session-requests')
  mine(@CurrentActor() actor: Actor): Promise<SessionRequestListView> {
    return this.requests.openOf(actor);
  }

  /**
   * Takes back an open request (the volunteer, or a coordinator for them): it leaves matching and
   * the coordinator's counts, and a new one may be made at once. 409 `request-closed` when it is
   * no longer open (booked from, withdrawn or lapsed).
   */
  @Roles(Role.Volunteer, Role.Coordinator)
  @ApiProblems(409)
  @Post('session-requests/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SessionRequestView> {
    return this.requests.withdraw(actor, id);
  }

  /**
   * Matchable therapists with capacity left, offering the modality, sharing a language and free in
   * the window, best first: see `reasons` for the score of each factor (earliest slot 0.40,
   * language 0.25, fairness 0.20, time zone 0.15). Slots in UTC and in `tz` (default: the
   * volunteer's zone).
   */
  @Roles(Role.Volunteer, Role.Coordinator)
  @Get('session-requests/:id/matches')
  matches(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimeZoneQuery,
  ): Promise<MatchListView> {
    return this.matching.matches(actor, id, query.tz);
  }
}
