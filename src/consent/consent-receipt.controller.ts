import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Actor, CurrentActor } from '../common/auth.decorators';
import { NotFoundError } from '../common/domain-error';
import { ConsentEvent } from './consent-event.entity';
import { ConsentReceipts } from './consent-receipts.service';
import { ConsentText } from './consent-text.entity';
import { ConsentReceiptView } from './consent-receipt.view';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('v1/me/consents')
export class ConsentReceiptController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly receipts: ConsentReceipts,
  ) {}

  /**
   * The receipt of one of my consent events (an `id` from `GET /v1/me/consents` history), at any
   * time after the change; the same receipt `POST /v1/me/consents` answered. 404 if not mine.
   */
  @Get(':id/receipt')
  async receipt(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ConsentReceiptView> {
    const event = await this.dataSource.manager.findOneBy(ConsentEvent, {
      id,
      subjectId: actor.id,
    });
    if (!event) throw new NotFoundError('consent event');
    const text = await this.dataSource.manager.findOneByOrFail(ConsentText, {
      purpose: event.purpose,
      version: event.version,
    });
    return this.receipts.for(event, text.title);
  }
}
