import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { ProfilesRepository } from './profiles.repository';
import { PHOTO_MAX_BYTES, type PhotoType } from './therapist-photo.entity';

/** 415 `/problems/photo-not-image`: not a PNG or JPEG by its first bytes. */
class PhotoNotImageError extends DomainError {
  constructor() {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'photo-not-image',
      'Unsupported Media Type',
      'Choose a photo saved as PNG or JPEG.',
    );
  }
}

/** 413 `/problems/body-too-large`, in the words of a photo. */
class PhotoTooLargeError extends DomainError {
  constructor() {
    super(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'body-too-large',
      'Payload Too Large',
      'Choose a photo smaller than 300 KB.',
    );
  }
}

/** What the first bytes say the file is: PNG's 8-byte signature, or JPEG's SOI marker. */
export function photoTypeOf(bytes: Buffer): PhotoType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  return null;
}

/**
 * A therapist's photo: kept in PostgreSQL, served from our own origin (who may see it is the
 * sessions module's call: it knows who has whom among their matches and sessions).
 */
@Injectable()
export class TherapistPhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: ProfilesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Replaces my photo; the type is read from the bytes, never from the header. */
  async save(actor: Actor, body: unknown): Promise<void> {
    if (!Buffer.isBuffer(body) || body.length === 0) throw new PhotoNotImageError();
    if (body.length > PHOTO_MAX_BYTES) throw new PhotoTooLargeError();
    const type = photoTypeOf(body);
    if (!type) throw new PhotoNotImageError();
    await this.dataSource.transaction(async (em) => {
      if (!(await this.profiles.findTherapist(actor.id, em))) {
        throw new ConflictError('profile-missing', 'Save your profile first, then add a photo.');
      }
      await this.profiles.savePhoto(actor.id, type, body, this.clock.now(), em);
      await this.record(actor, 'saved', em);
    });
  }

  /** Removes my photo; 404 when there is none. */
  async remove(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.profiles.deletePhoto(actor.id, em))) throw new NotFoundError('photo');
      await this.record(actor, 'removed', em);
    });
  }

  /** The photo itself, with no access check: callers decide who may see it. */
  async read(
    therapistId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ contentType: PhotoType; bytes: Buffer }> {
    const photo = await this.profiles.photoOf(therapistId, em);
    if (!photo) throw new NotFoundError('photo');
    return { contentType: photo.contentType, bytes: photo.bytes };
  }

  /** The therapists among `ids` who have a photo. */
  withPhotos(ids: string[], em: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    return this.profiles.withPhotos(ids, em);
  }

  private async record(actor: Actor, photo: 'saved' | 'removed', em: EntityManager) {
    await this.audit.record(
      {
        actor,
        action: 'profile.updated',
        target: { type: 'account', id: actor.id },
        details: { role: actor.role, photo },
      },
      em,
    );
  }
}
