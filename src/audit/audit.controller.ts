import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '../common/auth.decorators';
import { AuditQuery } from './audit-query.dto';
import { AuditService } from './audit.service';
import { AuditPageView } from './audit.view';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit trail, newest first. */
  @Roles(Role.Coordinator)
  @Get()
  list(@Query() query: AuditQuery): Promise<AuditPageView> {
    return this.audit.list(query);
  }
}
