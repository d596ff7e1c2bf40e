import { IsOptional, ValidateIf } from 'class-validator';
import { IsE164, IsIanaZone, IsName } from '../../common/validators';

/**
 * The contact fields every profile may change; they live on the account. Omitted means
 * unchanged; `phone: null` removes the number.
 */
export class ContactInput {
  @ValidateIf((o: ContactInput) => o.name !== undefined)
  @IsName(120)
  name?: string;

  /** E.164, e.g. +447911123456; null removes it. */
  @IsOptional()
  @IsE164()
  phone?: string | null;

  /** IANA zone, e.g. Europe/Athens. */
  @ValidateIf((o: ContactInput) => o.timezone !== undefined)
  @IsIanaZone()
  timezone?: string;
}

export const LANGUAGES_MAX = 20;

export const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
