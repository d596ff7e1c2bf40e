import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { ConfirmPhoneDto } from './dto/phone-code.dto';
import { PhoneCodeRequestView } from './phone-code.view';
import { PhoneCodesService } from './phone-codes.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/me/phone')
export class PhoneController {
  constructor(private readonly codes: PhoneCodesService) {}

  /**
   * Texts a 6-digit code to the caller's number (by WhatsApp for those who chose it), to prove it
   * is theirs: no other text goes to a number until it is confirmed. A code works for 10 minutes
   * and 5 tries; at most 3 codes an hour (429 with Retry-After). 409 when there is no number
   * (`/problems/no-phone`) or it is confirmed already (`/problems/phone-already-confirmed`).
   */
  @Post('code')
  @HttpCode(202)
  @ApiProblems(409, 429)
  request(@CurrentActor() actor: Actor): Promise<PhoneCodeRequestView> {
    return this.codes.request(actor);
  }

  /**
   * Confirms the caller's number with the code from the latest text. 422 says why a code did not
   * work: `/problems/wrong-code` (with `triesLeft`), `code-expired`, `code-used`, `code-used-up`
   * or `phone-changed` (the number changed after the text went); 409 `/problems/no-code` before
   * any code was sent.
   */
  @Post('confirm')
  @HttpCode(204)
  @ApiProblems(409, 422)
  async confirm(@CurrentActor() actor: Actor, @Body() dto: ConfirmPhoneDto): Promise<void> {
    await this.codes.confirm(actor, dto.code);
  }
}
