import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { AccountSearchRepository } from '../identity/account-search.repository';
import { PeopleSearchQuery } from './dto/people-search.dto';
import { PeopleSearchView } from './people-search.view';

const LIMIT = 20;

@ApiTags('people')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('v1/people')
export class PeopleSearchController {
  constructor(
    private readonly accounts: AccountSearchRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * People whose name or email contains `q`. Each person returned is written to the audit trail as
   * read (`person.found`), with the search text left out since it may be a name.
   */
  @Get()
  async search(
    @CurrentActor() actor: Actor,
    @Query() query: PeopleSearchQuery,
  ): Promise<PeopleSearchView> {
    const items = await this.accounts.find(query.q, query.role as Role | undefined, LIMIT);
    await this.audit.recordRead(
      actor,
      'person.found',
      items.map((a) => a.id),
    );
    return { items };
  }
}
