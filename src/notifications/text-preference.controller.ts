import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../common/auth.decorators';
import { TextChannelChoice } from './dto/text-preference.dto';
import { TextPreferenceService } from './text-preference.service';
import { TextChannelView } from './text-preference.view';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/me/text-channel')
export class TextPreferenceController {
  constructor(private readonly preferences: TextPreferenceService) {}

  /** How my texts reach me (SMS or WhatsApp), and whether WhatsApp is offered and agreed to. */
  @Get()
  get(@CurrentActor() actor: Actor): Promise<TextChannelView> {
    return this.preferences.view(actor);
  }

  /** Choose SMS or WhatsApp. WhatsApp needs consent to `whatsapp_messages` first (403). */
  @Put()
  put(@CurrentActor() actor: Actor, @Body() choice: TextChannelChoice): Promise<TextChannelView> {
    return this.preferences.choose(actor, choice.channel);
  }
}
