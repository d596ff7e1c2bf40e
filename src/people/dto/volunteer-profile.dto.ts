import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ContactInput, LANGUAGES_MAX, trimmed } from './contact.dto';
import { IsLocalDate, IsName } from '../../common/validators';
import { AreLanguageCodes, IsOnOrAfter, NoOverlappingPeriods } from './validators';

export class DeploymentInput {
  /** Where, e.g. "Calais" or "Moria, Lesvos". */
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  location!: string;

  /** ISO 3166-1 alpha-2 country code, e.g. FR or GR. */
  @IsISO31661Alpha2()
  country!: string;

  /** First day in the field, YYYY-MM-DD. */
  @IsLocalDate()
  startsOn!: string;

  /** Last day in the field (planned while deployed), YYYY-MM-DD; not before startsOn. */
  @IsLocalDate()
  @IsOnOrAfter('startsOn')
  endsOn!: string;
}

/** `PUT /v1/me/profile` for a volunteer: replaces the profile and all deployments. */
export class VolunteerProfileInput extends ContactInput {
  @IsOptional()
  @IsName(80)
  preferredName?: string | null;

  /** ISO 639-1 codes, e.g. ["en", "fr"]. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LANGUAGES_MAX)
  @ArrayUnique()
  @AreLanguageCodes()
  languages!: string[];

  /** The organisation they volunteer with, e.g. "Help Refugees / L'Auberge". */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organisation?: string | null;

  /** Every deployment, past, current and planned; none may overlap another. */
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DeploymentInput)
  @NoOverlappingPeriods()
  deployments!: DeploymentInput[];
}
