import { Body, Controller, HttpCode, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, CurrentActor } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { EmailChangeView } from './account.view';
import { ChangeEmailDto } from './dto/email.dto';
import { AccountEmailService } from './account-email.service';
import { EmailTokenPurpose } from './email-token.entity';
import { LINK_MINUTES } from './email-tokens.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/me/email')
export class EmailController {
  constructor(private readonly accountEmail: AccountEmailService) {}

  /**
   * Asks to sign in with another email address, with the current password (403 when wrong,
   * counted as a failed login). The answer is the same 202 whether or not another account has
   * that address, so it does not tell who uses the service. A link goes to the new address (when
   * no other account has it) and a notice to the one in use; the account moves only when the link
   * is followed (`POST /v1/auth/confirm-email`). Until then it signs in with the old address.
   */
  @Put()
  @HttpCode(202)
  @ApiProblems(403, 429)
  async change(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangeEmailDto,
    @Req() req: Request,
  ): Promise<EmailChangeView> {
    await this.accountEmail.requestEmailChange(actor, dto.email, dto.password, req.ip);
    return {
      email: dto.email.trim(),
      confirmationSent: true,
      linkValidMinutes: LINK_MINUTES[EmailTokenPurpose.Change],
    };
  }
}
