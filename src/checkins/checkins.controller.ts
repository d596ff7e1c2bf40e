import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { CheckinReadsService } from './checkin-reads.service';
import { CheckinsService } from './checkins.service';
import { CheckinsQuery, OutcomeDto, RescheduleDto, TzQuery } from './dto/checkin.dto';
import { CheckinPageView, CheckinView } from './checkins.view';

@ApiTags('buddies')
@ApiBearerAuth()
@Controller('v1/check-ins')
export class CheckinsController {
  constructor(
    private readonly checkins: CheckinsService,
    private readonly reader: CheckinReadsService,
  ) {}

  /** My calls in [from, to), each in UTC, in my zone (or `tz`), and in each person's zone. */
  @Roles(Role.Volunteer, Role.Buddy, Role.Coordinator)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: CheckinsQuery): Promise<CheckinPageView> {
    return this.reader.list(actor, query);
  }

  @Roles(Role.Volunteer, Role.Buddy, Role.Coordinator)
  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TzQuery,
  ): Promise<CheckinView> {
    return this.reader.get(actor, id, query.tz);
  }

  /** The buddy logs how the call went (once, after it started). */
  @Roles(Role.Buddy)
  @ApiProblems(409, 422)
  @Post(':id/outcome')
  @HttpCode(200)
  async outcome(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OutcomeDto,
  ): Promise<CheckinView> {
    await this.checkins.outcome(actor, id, dto);
    return this.reader.get(actor, id);
  }

  /** Either person moves one call to a new time. */
  @Roles(Role.Volunteer, Role.Buddy)
  @ApiProblems(409, 422)
  @Post(':id/reschedule')
  @HttpCode(200)
  async reschedule(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RescheduleDto,
  ): Promise<CheckinView> {
    await this.checkins.reschedule(actor, id, dto);
    return this.reader.get(actor, id);
  }

  /** Either person calls off one call still to come; the other gets a text, the plan goes on. */
  @Roles(Role.Volunteer, Role.Buddy)
  @ApiProblems(409, 422)
  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CheckinView> {
    await this.checkins.cancel(actor, id);
    return this.reader.get(actor, id);
  }
}
