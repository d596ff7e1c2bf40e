import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @IsString()
  @MaxLength(256)
  currentPassword!: string;

  /** At least 12 characters, as at registration. */
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  newPassword!: string;
}
