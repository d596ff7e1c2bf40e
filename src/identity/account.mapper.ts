import { Account } from './account.entity';
import { AccountDto } from './dto/register.dto';

export const toAccountDto = (a: Account): AccountDto => ({
  id: a.id,
  email: a.email ?? '',
  role: a.role,
  name: a.name,
  phone: a.phone,
  timezone: a.timezone,
  createdAt: a.createdAt,
});
