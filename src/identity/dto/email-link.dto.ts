import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The token of a link sent by email: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const TOKEN_MESSAGE = 'This link is not complete. Open it again from the email, or copy all of it.';

export class EmailLinkDto {
  /** The `token` of the link in the mail. */
  @IsString()
  @Matches(TOKEN, { message: TOKEN_MESSAGE })
  token!: string;
}

export class PasswordResetDto {
  /** The address the account signs in with. */
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class CompletePasswordResetDto {
  /** The `token` of the link in the reset mail. */
  @IsString()
  @Matches(TOKEN, { message: TOKEN_MESSAGE })
  token!: string;

  /** At least 12 characters, as at registration. */
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password!: string;
}
