import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { MatchListView } from './match.view';
import { CreateSessionRequestDto } from './dto/session-request.dto';
import { TimeZoneQuery } from './dto/session.dto';
import { SessionMatchesService } from './session-matches.service';
import { SessionRequestsService } from './session-requests.service';
import { SessionRequestView } from './session-request.view';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1/session-requests')
export class SessionRequestsController {
  constructor(
    private readonly requests: SessionRequestsService,
    private readonly matching: SessionMatchesService,
  ) {}

  /**
   * A volunteer asks for their therapy session. Needs consent to `data_processing` and
   * `share_with_therapist` (403 naming the missing one); 422 `not-eligible` before the volunteer
   * has returned or is about to.
   */
  @Roles(Role.Volunteer)
  @ApiProblems(422)
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateSessionRequestDto,
  ): Promise<SessionRequestView> {
    return this.requests.create(actor, dto);
  }

  /**
   * Matchable therapists with capacity left, offering the modality, sharing a language and free in
   * the window, best first: see `reasons` for the score of each factor (earliest slot 0.40,
   * language 0.25, fairness 0.20, time zone 0.15). Slots in UTC and in `tz` (default: the
   * volunteer's zone).
   */
  @Roles(Role.Volunteer, Role.Coordinator)
  @Get(':id/matches')
  matches(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimeZoneQuery,
  ): Promise<MatchListView> {
    return this.matching.matches(actor, id, query.tz);
  }
}
