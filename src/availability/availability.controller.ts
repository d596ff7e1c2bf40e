import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { AvailabilityExceptionDto, PutAvailabilityDto, TimeOffDto } from './dto/availability.dto';
import { SlotQuery } from './dto/slots.dto';
import { MyAvailabilityService } from './my-availability.service';
import { TherapistSlotsService } from './therapist-slots.service';
import { SlotsView } from './slots.view';
import { AvailabilityExceptionView, AvailabilityView, TimeOffView } from './availability.view';

@ApiTags('availability')
@ApiBearerAuth()
@Controller('v1')
export class AvailabilityController {
  constructor(
    private readonly mine: MyAvailabilityService,
    private readonly slots: TherapistSlotsService,
  ) {}

  /** Your weekly windows and date exceptions, in your availability zone. */
  @Roles(Role.Therapist, Role.Buddy)
  @Get('me/availability')
  view(@CurrentActor() actor: Actor): Promise<AvailabilityView> {
    return this.mine.view(actor.id);
  }

  /** Replaces your weekly windows (therapists: session times; buddies: call windows). */
  @Roles(Role.Therapist, Role.Buddy)
  @Put('me/availability')
  replace(
    @CurrentActor() actor: Actor,
    @Body() dto: PutAvailabilityDto,
  ): Promise<AvailabilityView> {
    return this.mine.replaceWeekly(actor, dto);
  }

  /**
   * Sets one date's exception: unavailable all day, or its own windows. Replaces any earlier one.
   * Booked sessions it leaves outside availability: 409 `time-off-covers-sessions` listing them,
   * unless `sessions` says `keep` or `cancel`.
   */
  @Roles(Role.Therapist, Role.Buddy)
  @ApiProblems(409)
  @Post('me/availability/exceptions')
  addException(
    @CurrentActor() actor: Actor,
    @Body() dto: AvailabilityExceptionDto,
  ): Promise<AvailabilityExceptionView> {
    return this.mine.setException(actor, dto);
  }

  /**
   * Time off from `from` to `to` (both included, in your availability zone): each date becomes
   * unavailable, replacing its exception, in one go. Booked sessions inside it: 409
   * `time-off-covers-sessions` listing them (id, start, volunteer's first name), unless `sessions`
   * says `keep` or `cancel` (each volunteer is told by text, and may choose again).
   */
  @Roles(Role.Therapist, Role.Buddy)
  @ApiProblems(409)
  @Post('me/availability/time-off')
  setTimeOff(@CurrentActor() actor: Actor, @Body() dto: TimeOffDto): Promise<TimeOffView> {
    return this.mine.setTimeOff(actor, dto);
  }

  /** Removes one of your exceptions; the date follows the weekly windows again. */
  @Roles(Role.Therapist, Role.Buddy)
  @Delete('me/availability/exceptions/:id')
  @HttpCode(204)
  removeException(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.mine.removeException(actor, id);
  }

  /**
   * Free start times of a therapist, each in UTC and in `tz`. Only matchable (verified, unexpired,
   * unsuspended) therapists are shown to others: any other id answers 404. The therapist and
   * coordinators always see them.
   */
  @Get('therapists/:id/slots')
  therapistSlots(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SlotQuery,
  ): Promise<SlotsView> {
    return this.slots.search(actor, id, query);
  }
}
