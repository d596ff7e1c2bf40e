import { IsEmail, IsString, MaxLength } from 'class-validator';

export class ChangeEmailDto {
  /** The address to sign in with from now on. */
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** The current password, asked again: an access token alone cannot move the account. */
  @IsString()
  @MaxLength(256)
  password!: string;
}
