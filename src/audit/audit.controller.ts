import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Role, Roles } from '../common/auth.decorators';
import { Page, PageQuery } from '../common/pagination';
import { IsInstant } from '../common/validators';
import { AuditService, AuditView } from './audit.service';

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
  @Get()
  list(@Query() query: AuditQuery): Promise<Page<AuditView>> {
    return this.audit.list(query);
  }
}
