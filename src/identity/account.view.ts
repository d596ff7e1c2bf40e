import { AccountDetailsView } from './dto/register.dto';
import type { AccountView } from './identity.service';

export const toAccountDetailsView = (a: AccountView): AccountDetailsView => ({
  id: a.id,
  email: a.email ?? '',
  role: a.role,
  name: a.name,
  phone: a.phone,
  timezone: a.timezone,
  createdAt: a.createdAt,
});
