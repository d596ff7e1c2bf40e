import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../../common/auth.decorators';
import { ApiProblems } from '../../common/openapi';
import { RejectInput, SuspendInput, VerifyInput, VettingQuery } from './vetting.dto';
import { VettingQueueService } from './vetting-queue.service';
import { VettingService } from './vetting.service';
import { VettingView, VettingPageView } from './vetting.view';

@ApiTags('vetting')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('v1/vetting')
export class VettingController {
  constructor(
    private readonly vetting: VettingService,
    private readonly vettingQueue: VettingQueueService,
  ) {}

  /** The vetting queue, oldest first: `?status=pending` for applicants awaiting a decision. */
  @Get()
  queue(@CurrentActor() actor: Actor, @Query() query: VettingQuery): Promise<VettingPageView> {
    return this.vettingQueue.queue(actor, query);
  }

  /**
   * Records who verified the person, against what evidence, and until when. Also renews a
   * verification (the new expiry must be later), and reinstates a suspended or expired person.
   */
  @ApiProblems(409, 422)
  @Post(':userId/verify')
  @HttpCode(200)
  verify(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() input: VerifyInput,
  ): Promise<VettingView> {
    return this.vetting.verify(actor, userId, input);
  }

  /** Takes the person out of matching at once. 409 if already suspended. */
  @ApiProblems(409)
  @Post(':userId/suspend')
  @HttpCode(200)
  suspend(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() input: SuspendInput,
  ): Promise<VettingView> {
    return this.vetting.suspend(actor, userId, input);
  }

  /**
   * Turns a pending application down; the applicant sees the reason with their status. 409 when
   * the application is not pending.
   */
  @ApiProblems(409)
  @Post(':userId/reject')
  @HttpCode(200)
  reject(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() input: RejectInput,
  ): Promise<VettingView> {
    return this.vetting.reject(actor, userId, input);
  }
}
