import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditQuery } from '../audit/audit-query.dto';
import { AuditPageView } from '../audit/audit.view';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { AuditTrailService } from './audit-trail.service';

/**
 * The audit trail as coordinators read it. Here rather than in audit/ because it names people
 * through IdentityService, and identity itself writes to the audit trail.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditTrailController {
  constructor(private readonly trail: AuditTrailService) {}

  /** The audit trail, newest first, with the names of the people each line names. */
  @Roles(Role.Coordinator)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: AuditQuery): Promise<AuditPageView> {
    return this.trail.list(actor, query);
  }
}
