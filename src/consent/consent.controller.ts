import { Body, Controller, Get, Headers, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Public } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { IdentityService } from '../identity/identity.service';
import { ConsentEvidence } from './consent-evidence.service';
import { ConsentChannel } from './consent-purpose';
import { ConsentReceipts } from './consent-receipts.service';
import { ConsentService } from './consent.service';
import { ConsentChoiceDto } from './dto/consent.dto';
import { ConsentOverviewView, ConsentRecordedView, PurposeView } from './consent.view';

@ApiTags('consent')
@Controller('v1')
export class ConsentController {
  constructor(
    private readonly consent: ConsentService,
    private readonly identity: IdentityService,
    private readonly evidence: ConsentEvidence,
    private readonly receipts: ConsentReceipts,
  ) {}

  /**
   * Every purpose with its current version and plain-English text, for anyone to read; `offered`
   * says whether the service uses it now (one not offered may only be withdrawn).
   */
  @Public()
  @Get('consent/purposes')
  async purposes(): Promise<PurposeView[]> {
    const catalog = await this.consent.catalog();
    return catalog.map((p) => ({ ...p, offered: this.consent.isOffered(p.purpose) }));
  }

  /** My current state per purpose (valid or not) and every grant and withdrawal I made. */
  @ApiBearerAuth()
  @Get('me/consents')
  async mine(@CurrentActor() actor: Actor): Promise<ConsentOverviewView> {
    await this.identity.get(actor.id);
    return this.consent.overview(actor.id);
  }

  /**
   * Agree to (`granted: true`) or withdraw from (`granted: false`) one purpose. Appends an event to
   * the ledger, with keyed hashes of the IP address and user agent as evidence (never the raw
   * values), and answers a consent receipt. A withdrawal takes effect at once. Withdrawing
   * something never granted is accepted and recorded too (201): it is harmless and shows intent.
   */
  @ApiBearerAuth()
  @ApiProblems(409)
  @Post('me/consents')
  async choose(
    @CurrentActor() actor: Actor,
    @Body() dto: ConsentChoiceDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<ConsentRecordedView> {
    const { event, title, state } = await this.consent.recordChoice(actor.id, dto, {
      channel: ConsentChannel.Web,
      evidence: this.evidence.of({ ip, userAgent }),
      actor,
    });
    return { state, receipt: this.receipts.for(event, title) };
  }
}
