import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { PageQuery } from '../common/pagination';
import { DataRightsService } from './data-rights.service';
import { ErasureRecordView, ErasurePageView, PersonalDataExportView } from './data-rights.view';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('v1')
export class DataRightsController {
  constructor(private readonly dataRights: DataRightsService) {}

  /** Everything held about me, as JSON: account, consents and every module's part. Audited. */
  @Get('me/export')
  export(@CurrentActor() actor: Actor): Promise<PersonalDataExportView> {
    return this.dataRights.export(actor);
  }

  /**
   * Erase my personal data, at once and for good: future sessions and pairings are cancelled,
   * kept records are anonymised, and login stops working (tokens already issued get 401 from the
   * next request on). Consent events and safeguarding records stay under the account's id, now a
   * pseudonym. Idempotent: requests racing the first answer 200 with the same erasure.
   */
  @Post('me/erasure')
  @HttpCode(200)
  erase(@CurrentActor() actor: Actor): Promise<ErasureRecordView> {
    return this.dataRights.erase(actor);
  }

  /** Erasures that happened, newest first (ids only: nothing personal is left to show). */
  @Roles(Role.Coordinator)
  // PageQuery's fields are not in the document, so its 400 is not inferred.
  @ApiProblems(400)
  @Get('erasures')
  list(@Query() query: PageQuery): Promise<ErasurePageView> {
    return this.dataRights.list(query.limit, query.cursor);
  }
}
