import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { PersonView } from './me.view';
import { ProfilesService } from './profiles.service';

@ApiTags('people')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('v1/people')
export class PeopleController {
  constructor(private readonly profiles: ProfilesService) {}

  /** One person's account, profile and vetting history. Each read is written to the audit trail. */
  @Get(':userId')
  person(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<PersonView> {
    return this.profiles.person(actor, userId);
  }
}
