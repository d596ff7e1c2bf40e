import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { PageQuery } from '../common/pagination';
import { IsInstant } from '../common/validators';
import { AuditService } from './audit.service';
import { AuditPageView } from './audit.view';

export class AuditQuery extends PageQuery {
  /** Account id of who acted. */
  @IsOptional()
  @IsUUID()
  actor?: string;

  /** Id of what was acted on. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  target?: string;

  @IsOptional()
  @IsInstant()
  from?: string;

  @IsOptional()
  @IsInstant()
  to?: string;
}

@ApiTags('operations')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit trail, newest first. */
  @Roles(Role.Coordinator)
  // The query's fields are not in the document (the class lives in this file), so its 400 is
  // not inferred.
  @ApiProblems(400)
  @Get()
  list(@Query() query: AuditQuery): Promise<AuditPageView> {
    return this.audit.list(query);
  }
}
