import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { idempotencyKey } from '../common/idempotency';
import { ConcernsService } from './concerns.service';
import { ConcernQuery, RaiseConcernDto, TriageConcernDto } from './dto/concern.dto';
import { ConcernView, ConcernPageView, ConcernStatusView } from './concern.view';

@ApiTags('safeguarding')
@ApiBearerAuth()
@ApiExtraModels(ConcernView, ConcernStatusView)
@Controller('v1/concerns')
export class ConcernsController {
  constructor(private readonly concerns: ConcernsService) {}

  /**
   * Report a concern about a registered person (`subjectUserId`) or someone who is not registered
   * (`subjectDescription`): exactly one. Anyone signed in may; no consent is needed, safeguarding
   * does not rest on consent. The text is encrypted at rest and read only by coordinators; you can
   * follow the status of your report. `urgent` alerts the on-call coordinators at once. With an
   * `Idempotency-Key`, a retry (after a timeout, say) gets the first answer and files nothing new;
   * the same key with another body, 422.
   */
  @ApiHeader({
    // The same name as @Headers() below, so the document merges them into one optional header.
    name: 'idempotency-key',
    required: false,
    description: 'Makes a retry safe: the same key and body get the same answer.',
  })
  @ApiProblems(422)
  @Post()
  raise(
    @CurrentActor() actor: Actor,
    @Body() dto: RaiseConcernDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<ConcernStatusView> {
    return this.concerns.raise(actor, dto, idempotencyKey(key));
  }

  /** Coordinators: every concern, newest first (each listing audited). Others: the ones they reported. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ConcernQuery): Promise<ConcernPageView> {
    return this.concerns.list(actor, query);
  }

  /**
   * Coordinators: the whole concern with its history and notes (audited). The reporter: its status.
   * Anyone else, the subject included: 404.
   */
  @Get(':id')
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(ConcernView) }, { $ref: getSchemaPath(ConcernStatusView) }],
    },
  })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ConcernView | ConcernStatusView> {
    return this.concerns.get(actor, id);
  }

  /**
   * Triage: move along open -> triaged -> referred (`referredTo`) -> closed, or triaged -> closed,
   * each step with a `reason` (409 `/problems/invalid-transition` otherwise), and/or add a `note`.
   */
  @Roles(Role.Coordinator)
  @ApiProblems(409)
  @Patch(':id')
  triage(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TriageConcernDto,
  ): Promise<ConcernView> {
    return this.concerns.triage(actor, id, dto);
  }
}
