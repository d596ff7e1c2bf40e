import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class ConsentChoiceDto {
  /** A purpose from `GET /v1/consent/purposes`, e.g. `data_processing`. Unknown: 400. */
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, {
    message: 'purpose must be a purpose name such as data_processing',
  })
  purpose!: string;

  /**
   * The version of the text the person was shown. To agree it must be the current version (409
   * `/problems/stale-consent-version` otherwise); to withdraw, any published version. Unknown: 400.
   */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;

  /** true to agree, false to withdraw. */
  @IsBoolean()
  granted!: boolean;
}
