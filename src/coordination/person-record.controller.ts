import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { PersonRecordService } from './person-record.service';
import { PersonRecordView } from './person-record.view';

@ApiTags('people')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('v1/people')
export class PersonRecordController {
  constructor(private readonly records: PersonRecordService) {}

  /**
   * One person's whole record: account, vetting, sessions, pairings and consents. Each record
   * shown is written to the audit trail as read; 404 for an unknown or erased account.
   */
  @ApiProblems(404)
  @Get(':userId/record')
  record(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<PersonRecordView> {
    return this.records.read(actor, userId);
  }
}
