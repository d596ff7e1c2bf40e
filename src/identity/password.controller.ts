import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, CurrentActor } from '../common/auth.decorators';
import { ChangePasswordDto } from './dto/password.dto';
import { IdentityService } from './identity.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/me/password')
export class PasswordController {
  constructor(private readonly identity: IdentityService) {}

  /**
   * Changes the caller's password. Every session ends, this one included: sign in again with the
   * new password. A wrong current password is 403 and counts as a failed login.
   */
  @Post()
  @HttpCode(204)
  async change(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() req: Request,
  ): Promise<void> {
    await this.identity.changePassword(actor, dto.currentPassword, dto.newPassword, req.ip);
  }
}
