import { IsInstant } from '../../common/validators';
import { IsDateOrInstant } from '../../availability/dto/window.validators';

export class LinkRescheduleDto {
  /** One of the free slots (`GET /v1/links/{code}/slots`), or for a call any future time. */
  @IsInstant()
  startsAt!: string;
}

export class LinkSlotsQuery {
  /** Earliest start: an instant with offset, or a date (from its midnight in the person's zone). */
  @IsDateOrInstant()
  from!: string;

  /** Latest start, exclusive, as an instant; or a date, included whole. At most 60 days after `from`. */
  @IsDateOrInstant()
  to!: string;
}
