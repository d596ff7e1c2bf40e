import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { CreateSessionGrantDto } from './dto/session-grant.dto';
import { SessionGrantsService } from './session-grants.service';
import { SessionGrantView } from './session-grant.view';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1/volunteers')
export class SessionGrantsController {
  constructor(private readonly grants: SessionGrantsService) {}

  /**
   * Allows the volunteer one further session, with the reason recorded (audited). 409
   * `session-not-used-yet` while they still have one to use.
   */
  @Roles(Role.Coordinator)
  @ApiProblems(409)
  @Post(':id/session-grants')
  grant(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateSessionGrantDto,
  ): Promise<SessionGrantView> {
    return this.grants.grant(actor, id, dto.reason);
  }
}
