import { Body, Controller, Get, Header, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { MessageChoiceDto } from './dto/message-preferences.dto';
import { MessagePreferencesService } from './message-preferences.service';
import { MessagePreferencesView } from './message-preferences.view';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.Volunteer, Role.Therapist, Role.Buddy)
@Controller('v1/me/message-preferences')
export class MessagePreferencesController {
  constructor(private readonly preferences: MessagePreferencesService) {}

  /** Which kinds of message reach me by text, by email or both, and whether mail can reach me. */
  @Get()
  @Header('Cache-Control', 'no-store')
  get(@CurrentActor() actor: Actor): Promise<MessagePreferencesView> {
    return this.preferences.view(actor);
  }

  /**
   * Choose text, email or both, per kind. Therapists always get changes by email: `text` for
   * `changes` is refused (422 `changes-by-email`).
   */
  @Put()
  @ApiProblems(422)
  @Header('Cache-Control', 'no-store')
  put(
    @CurrentActor() actor: Actor,
    @Body() choice: MessageChoiceDto,
  ): Promise<MessagePreferencesView> {
    return this.preferences.choose(actor, choice);
  }
}
