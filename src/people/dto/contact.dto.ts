import { IsOptional, ValidateIf } from 'class-validator';
import { IsIanaZone, IsPhoneCountry, IsPhoneNumber, IsName } from '../../common/validators';

/**
 * The contact fields every profile may change; they live on the account. Omitted means
 * unchanged; `phone: null` removes the number.
 */
export class ContactInput {
  @ValidateIf((o: ContactInput) => o.name !== undefined)
  @IsName(120)
  name?: string;

  /**
   * A mobile number: as it is written in `phoneCountry` (07911 123456), or E.164 without one
   * (+447911123456); null removes it. Stored as E.164; a new number must be confirmed again
   * (`POST /v1/me/phone/code`) before texts go to it.
   */
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  /** The country of `phone`, as an ISO 3166 code (GB, GR, ...); omit it for an E.164 number. */
  @IsOptional()
  @IsPhoneCountry()
  phoneCountry?: string;

  /** IANA zone, e.g. Europe/Athens. */
  @ValidateIf((o: ContactInput) => o.timezone !== undefined)
  @IsIanaZone()
  timezone?: string;
}

export const LANGUAGES_MAX = 20;

export const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
