import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../common/auth.decorators';
import { AccountDto } from './dto/register.dto';
import { IdentityService } from './identity.service';
import { toAccountDto } from './account.mapper';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  async me(@CurrentActor() actor: Actor): Promise<AccountDto> {
    return toAccountDto(await this.identity.get(actor.id));
  }
}
