import { Body, Controller, Delete, Get, HttpCode, Patch, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { AccountNamesInput } from './dto/account-names.dto';
import { BuddyProfileInput } from './dto/buddy-profile.dto';
import { MeView } from './me.view';
import { parseProfileInput, ProfileRole } from './dto/profile-input.dto';
import { TherapistProfileInput } from './dto/therapist-profile.dto';
import { VolunteerProfileInput } from './dto/volunteer-profile.dto';
import { ProfilesService } from './profiles.service';
import { TherapistPhotosService } from './therapist-photos.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly photos: TherapistPhotosService,
  ) {}

  /** My account and profile, with derived values (a volunteer's phase) and my vetting. */
  @Get()
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.profiles.describe(actor.id);
  }

  /**
   * Changes my name and, for a volunteer whose profile is saved, my preferred name; what is left
   * out stays. A preferred name from another role is 400; before a volunteer's first profile, 409.
   */
  @Patch('account')
  @ApiProblems(409)
  rename(@CurrentActor() actor: Actor, @Body() input: AccountNamesInput): Promise<MeView> {
    return this.profiles.rename(actor, input);
  }

  /**
   * Replaces my profile; the body depends on my role. Therapists and buddies enter the vetting
   * queue with their first profile, and go back to it when they change what was verified.
   */
  @Roles(Role.Volunteer, Role.Therapist, Role.Buddy)
  @Put('profile')
  @ApiExtraModels(VolunteerProfileInput, TherapistProfileInput, BuddyProfileInput)
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(VolunteerProfileInput) },
        { $ref: getSchemaPath(TherapistProfileInput) },
        { $ref: getSchemaPath(BuddyProfileInput) },
      ],
    },
  })
  async save(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<MeView> {
    const role = actor.role as ProfileRole;
    return this.profiles.save({ ...actor, role }, await parseProfileInput(role, body));
  }

  /**
   * Replaces my photo, which volunteers see when they choose someone: the bytes of a PNG or JPEG
   * (checked from the bytes), 300 KB at most, sent as `image/png` or `image/jpeg`. 413 when
   * larger, 415 when not a PNG or JPEG, 409 before my profile is saved.
   */
  @Roles(Role.Therapist)
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(409, 413, 415)
  @HttpCode(204)
  @Put('photo')
  async savePhoto(@CurrentActor() actor: Actor, @Req() req: Request): Promise<void> {
    await this.photos.save(actor, req.body);
  }

  /** Removes my photo; 404 when there is none. */
  @Roles(Role.Therapist)
  @ApiProblems(404)
  @HttpCode(204)
  @Delete('photo')
  async removePhoto(@CurrentActor() actor: Actor): Promise<void> {
    await this.photos.remove(actor);
  }
}
