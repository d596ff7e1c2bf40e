import { Body, Controller, HttpCode, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, CurrentActor } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { EmailChangeView } from './account.view';
import { ChangeEmailDto } from './dto/email.dto';
import { IdentityService } from './identity.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/me/email')
export class EmailController {
  constructor(private readonly identity: IdentityService) {}

  /**
   * Asks to sign in with another email address, with the current password (403 when wrong,
   * counted as a failed login). The answer is the same 202 whether or not another account has
   * that address, so it does not tell who uses the service. Until there is an email channel the
   * address is taken on at once when it is free; read `GET /v1/me` for the address in use.
   */
  @Put()
  @HttpCode(202)
  @ApiProblems(403, 429)
  async change(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangeEmailDto,
    @Req() req: Request,
  ): Promise<EmailChangeView> {
    await this.identity.changeEmail(actor, dto.email, dto.password, req.ip);
    return { email: dto.email.trim(), confirmationSent: false };
  }
}
