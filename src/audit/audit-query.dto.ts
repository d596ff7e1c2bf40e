import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { IsInstant } from '../common/validators';

/** `GET /v1/audit` filters. In a `.dto.ts` file so the Swagger plugin documents them. */
export class AuditQuery extends PageQuery {
  /** Account id of who acted. */
  @IsOptional()
  @IsUUID()
  actor?: string;

  /** Id of what was acted on. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  target?: string;

  /** Earliest instant, ISO 8601 with an offset. */
  @IsOptional()
  @IsInstant()
  from?: string;

  /** Latest instant, ISO 8601 with an offset. */
  @IsOptional()
  @IsInstant()
  to?: string;

  /**
   * `true` leaves out the caller's own reads (`*.listed`, `*.read`, `person.found`, ...), so the
   * trail is not mostly the reading coordinator's footprints; others' reads and every change stay.
   */
  @IsOptional()
  @IsIn(['true', 'false'])
  hideMyReads?: 'true' | 'false';
}
