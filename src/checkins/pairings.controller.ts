import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { CreatePairingDto, EndPairingDto, PairingsQuery, ReplanDto } from './dto/pairing.dto';
import { PairingPageView, PairingView } from './checkins.view';
import { PairingReadsService } from './pairing-reads.service';
import { PairingsService } from './pairings.service';

@ApiTags('buddies')
@ApiBearerAuth()
@Controller('v1/pairings')
export class PairingsController {
  constructor(
    private readonly pairings: PairingsService,
    private readonly reader: PairingReadsService,
  ) {}

  /**
   * Pairs the request's volunteer with a buddy and plans their calls: 409 `buddy-full` when the
   * buddy has no free place, 409 `volunteer-already-paired`, 422 `buddy-not-matchable`.
   */
  @Roles(Role.Volunteer, Role.Coordinator)
  @ApiProblems(404, 409, 422)
  @Post()
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePairingDto): Promise<PairingView> {
    return this.reader.one(actor, await this.pairings.create(actor, dto));
  }

  /** Mine (as volunteer or buddy), newest first; coordinators see all. */
  @Roles(Role.Volunteer, Role.Buddy, Role.Coordinator)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PairingsQuery): Promise<PairingPageView> {
    return this.reader.list(actor, query);
  }

  /** A new call plan from now on (e.g. a new cadence once the volunteer is home). */
  @Roles(Role.Volunteer, Role.Buddy, Role.Coordinator)
  @ApiProblems(409, 422)
  @Post(':id/plan')
  @HttpCode(200)
  async replan(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReplanDto,
  ): Promise<PairingView> {
    return this.reader.one(actor, await this.pairings.replan(actor, id, dto));
  }

  /** Ends the pairing and cancels the calls still to come. */
  @Roles(Role.Volunteer, Role.Buddy, Role.Coordinator)
  @ApiProblems(409)
  @Post(':id/end')
  @HttpCode(200)
  async end(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EndPairingDto,
  ): Promise<PairingView> {
    return this.reader.one(actor, await this.pairings.end(actor, id, dto));
  }
}
