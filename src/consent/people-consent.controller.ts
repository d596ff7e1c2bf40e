import { Body, Controller, Headers, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { ConsentEvidence } from './consent-evidence.service';
import { ConsentChannel } from './consent-purpose';
import { ConsentReceipts } from './consent-receipts.service';
import { ConsentService } from './consent.service';
import { ConsentChoiceDto } from './dto/consent.dto';
import { ConsentRecordedView } from './consent.view';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('v1/people')
export class PeopleConsentController {
  constructor(
    private readonly consent: ConsentService,
    private readonly evidence: ConsentEvidence,
    private readonly receipts: ConsentReceipts,
  ) {}

  /**
   * A coordinator records consent a person gave (or withdrew) on a phone call: channel
   * `coordinator`, with the coordinator as `recordedBy`, audited. Same rules and receipt as
   * `POST /v1/me/consents`; 404 for an unknown or erased account.
   */
  @Roles(Role.Coordinator)
  @ApiProblems(409)
  @Post(':userId/consents')
  async record(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: ConsentChoiceDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<ConsentRecordedView> {
    const { event, title, state } = await this.consent.recordChoice(userId, dto, {
      channel: ConsentChannel.Coordinator,
      recordedBy: actor.id,
      evidence: this.evidence.of({ ip, userAgent }),
      actor,
    });
    return { state, receipt: this.receipts.for(event, title) };
  }
}
