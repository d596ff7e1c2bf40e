import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { UnmatchedRequestsService } from './unmatched-requests.service';
import { UnmatchedRequestListView, UnmatchedRequestsView } from './unmatched-requests.view';

@ApiTags('operations')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('v1/requests')
export class UnmatchedRequestsController {
  constructor(private readonly unmatched: UnmatchedRequestsService) {}

  /** How many session and buddy requests have waited over seven days without a match. */
  @Get('unmatched')
  counts(): Promise<UnmatchedRequestsView> {
    return this.unmatched.counts();
  }

  /**
   * The requests behind those counts, oldest first (at most 100 of each), with each volunteer's
   * name; each one shown is audited as read.
   */
  @Get('unmatched/list')
  list(@CurrentActor() actor: Actor): Promise<UnmatchedRequestListView> {
    return this.unmatched.list(actor);
  }
}
