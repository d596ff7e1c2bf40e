import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';

export class ConfirmPhoneDto {
  /** The 6 digits from the text; spaces are ignored. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\s/g, '') : value,
  )
  @IsString()
  @Matches(/^\d{6}$/, { message: 'Enter the 6-digit code from the text' })
  code!: string;
}
