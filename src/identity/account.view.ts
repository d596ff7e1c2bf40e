import { AccountDto } from './dto/register.dto';
import type { AccountView } from './identity.service';

export const toAccountDto = (a: AccountView): AccountDto => ({
  id: a.id,
  email: a.email ?? '',
  role: a.role,
  name: a.name,
  phone: a.phone,
  timezone: a.timezone,
  createdAt: a.createdAt,
});
