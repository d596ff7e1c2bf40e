import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { AccountEmailService } from './account-email.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/people/:userId/email-confirmation')
export class EmailConfirmationController {
  constructor(private readonly accountEmail: AccountEmailService) {}

  /**
   * Sends a new confirmation link to someone who has not confirmed their address (they lost the
   * first mail); audited. 409 `email-confirmed` when there is nothing to confirm.
   */
  @Roles(Role.Coordinator)
  @Post()
  @HttpCode(204)
  @ApiProblems(409)
  async resend(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    await this.accountEmail.resendConfirmation(actor, userId);
  }
}
