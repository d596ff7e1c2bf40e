import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OpenBuddyRequestsRepository } from '../checkins/open-buddy-requests.repository';
import { Role, Roles } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { OpenSessionRequestsRepository } from '../sessions/open-session-requests.repository';
import { UnmatchedRequestsView } from './unmatched-requests.view';

const DAY_MS = 86_400_000;

@ApiTags('operations')
@ApiBearerAuth()
@Controller('v1/requests')
export class UnmatchedRequestsController {
  constructor(
    private readonly sessions: OpenSessionRequestsRepository,
    private readonly buddies: OpenBuddyRequestsRepository,
    private readonly clock: Clock,
  ) {}

  /** How many session and buddy requests have waited over seven days without a match. */
  @Roles(Role.Coordinator)
  @Get('unmatched')
  async unmatched(): Promise<UnmatchedRequestsView> {
    const olderThan = new Date(this.clock.now().getTime() - 7 * DAY_MS);
    return {
      olderThan,
      sessionRequests: await this.sessions.countOlderThan(olderThan),
      buddyRequests: await this.buddies.countOlderThan(olderThan),
    };
  }
}
