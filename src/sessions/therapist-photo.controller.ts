import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { TherapistPhotoAccess } from './therapist-photo-access.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1/therapists')
export class TherapistPhotoController {
  constructor(private readonly access: TherapistPhotoAccess) {}

  /**
   * A therapist's photo (PNG or JPEG), from our own origin: for the therapist, a coordinator,
   * and a volunteer who has the therapist among their matches or sessions. 404 for anyone else,
   * and when there is no photo.
   */
  @ApiOkResponse({
    description: 'The photo, as `image/png` or `image/jpeg`.',
    content: { 'image/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(404)
  @Get(':id/photo')
  async photo(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const photo = await this.access.photo(actor, id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(photo.bytes, { type: photo.contentType, length: photo.bytes.length });
  }
}
