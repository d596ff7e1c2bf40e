import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { isLanguageCode } from '../../people/languages';
import { IsInstant } from '../../common/validators';
import { MODALITIES, type Modality } from '../../people/people.types';

@ValidatorConstraint({ name: 'isLanguageCode' })
export class LanguageCodeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isLanguageCode(value);
  }
  defaultMessage(): string {
    return 'each value in languages must be an ISO 639-1 code such as en';
  }
}

export class CreateSessionRequestDto {
  /** ISO 639-1 codes, most preferred first. */
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Validate(LanguageCodeConstraint, { each: true })
  languages!: string[];

  @IsIn(MODALITIES)
  modality!: Modality;

  /** Earliest start wanted (ISO 8601 with offset). */
  @IsInstant()
  notBefore!: string;

  /** Latest start wanted; at most 60 days after `notBefore`. */
  @IsInstant()
  notAfter!: string;

  /** Only therapists who gave this gender are matched. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  therapistGender?: string;

  /** A short note for the therapist, shared only under `share_with_therapist` consent. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
