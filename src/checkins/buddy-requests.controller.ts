import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { PageQuery } from '../common/pagination';
import { BuddyRequestsService } from './buddy-requests.service';
import { CreateBuddyRequestDto } from './dto/create-buddy-request.dto';
import { BuddyMatchesView, BuddyRequestListView, BuddyRequestView } from './checkins.view';

@ApiTags('buddies')
@ApiBearerAuth()
@Controller('v1')
export class BuddyRequestsController {
  constructor(private readonly requests: BuddyRequestsService) {}

  /**
   * A volunteer asks for a buddy. Needs `data_processing` and `share_with_buddy` consent (403);
   * 409 `open-request-exists` (with `requestId`) while they have an open buddy request.
   */
  @Roles(Role.Volunteer)
  @ApiProblems(409, 422)
  @Post('buddy-requests')
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateBuddyRequestDto,
  ): Promise<BuddyRequestView> {
    return this.requests.create(actor, dto);
  }

  /** My open request (at most one), to come back and choose a buddy. */
  @Roles(Role.Volunteer)
  @Get('me/buddy-requests')
  mine(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<BuddyRequestListView> {
    return this.requests.openOf(actor, query);
  }

  /**
   * Takes back an open request (the volunteer, or a coordinator for them): it leaves matching and
   * the coordinator's counts. 409 `request-closed` when it is no longer open.
   */
  @Roles(Role.Volunteer, Role.Coordinator)
  @ApiProblems(409)
  @Post('buddy-requests/:id/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<BuddyRequestView> {
    return this.requests.withdraw(actor, id);
  }

  /** Buddies who fit the request, best first, each with the reasons for its rank. */
  @Roles(Role.Volunteer, Role.Coordinator)
  @Get('buddy-requests/:id/matches')
  matches(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<BuddyMatchesView> {
    return this.requests.matches(actor, id);
  }
}
