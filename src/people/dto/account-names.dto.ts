import { IsOptional, ValidateIf } from 'class-validator';
import { IsName } from '../../common/validators';

/** `PATCH /v1/me/account`: the names the service uses for me. Omitted means unchanged. */
export class AccountNamesInput {
  /** My full name. */
  @ValidateIf((o: AccountNamesInput) => o.name !== undefined)
  @IsName(120)
  name?: string;

  /** Volunteers only: what to call me ("Hello Rosa"); null removes it. */
  @IsOptional()
  @IsName(80)
  preferredName?: string | null;
}
