import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { AccountEmailService } from './account-email.service';
import { CheckEmailView } from './account.view';
import { CompletePasswordResetDto, PasswordResetDto } from './dto/email-link.dto';
import { EmailTokenPurpose } from './email-token.entity';
import { LINK_MINUTES } from './email-tokens.service';

@ApiTags('identity')
@Controller('v1/auth/password-reset')
export class PasswordResetController {
  constructor(private readonly accountEmail: AccountEmailService) {}

  /**
   * Mails a link to choose a new password, only to an address a confirmed account signs in with.
   * The answer is the same 202 for every address. Limited per address and per client IP (429).
   */
  @Public()
  @ApiProblems(415, 429)
  @Post()
  @HttpCode(202)
  async request(@Body() dto: PasswordResetDto, @Req() req: Request): Promise<CheckEmailView> {
    await this.accountEmail.requestPasswordReset(dto.email, req.ip);
    return { email: dto.email.trim(), linkValidMinutes: LINK_MINUTES[EmailTokenPurpose.Reset] };
  }

  /**
   * Sets a new password with the link's token. Every login and access token of the account ends;
   * sign in with the new password. 422 `link-invalid` for a wrong, used or expired link; limited
   * per client IP (429).
   */
  @Public()
  @ApiProblems(415, 422, 429)
  @Post('complete')
  @HttpCode(204)
  async complete(@Body() dto: CompletePasswordResetDto, @Req() req: Request): Promise<void> {
    await this.accountEmail.completePasswordReset(dto.token, dto.password, req.ip);
  }
}
