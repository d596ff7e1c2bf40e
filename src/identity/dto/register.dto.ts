import { IsEmail, IsIn, IsString, MaxLength, MinLength, IsOptional } from 'class-validator';
import { Role } from '../../common/auth.decorators';
import { IsIanaZone, IsPhoneCountry, IsPhoneNumber, IsName } from '../../common/validators';

export const SELF_REGISTERING_ROLES = [Role.Volunteer, Role.Therapist, Role.Buddy] as const;
export type SelfRegisteringRole = (typeof SELF_REGISTERING_ROLES)[number];

export class RegisterDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** At least 12 characters; long passphrases welcome. */
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password!: string;

  /** Coordinators are created by an operator, never by self-registration. */
  @IsIn(SELF_REGISTERING_ROLES)
  role!: SelfRegisteringRole;

  @IsName(120)
  name!: string;

  /**
   * A mobile number: as it is written in `phoneCountry` (07911 123456), or E.164 without one
   * (+447911123456). Stored as E.164.
   */
  @IsOptional()
  @IsPhoneNumber()
  phone?: string;

  /** The country of `phone`, as an ISO 3166 code (GB, GR, ...); omit it for an E.164 number. */
  @IsOptional()
  @IsPhoneCountry()
  phoneCountry?: string;

  /** IANA zone, e.g. Europe/London */
  @IsIanaZone()
  timezone!: string;
}

export class LoginDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MaxLength(256)
  password!: string;
}
