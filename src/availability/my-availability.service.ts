import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth.decorators';
import { NotFoundError } from '../common/domain-error';
import { AvailabilityNotSetError } from './availability.errors';
import { AvailabilityRepository, StoredException } from './availability.repository';
import { AvailabilityExceptionDto, PutAvailabilityDto } from './dto/availability.dto';
import { Clock } from '../common/clock';
import { requireScheduledDate } from '../common/time-range';
import { AvailabilityExceptionView, AvailabilityView } from './availability.view';

const toExceptionView = (e: StoredException): AvailabilityExceptionView => ({
  id: e.id,
  date: e.date,
  unavailable: e.windows.length === 0,
  windows: e.windows,
});

/**
 * A therapist's or buddy's own availability. Every route acts on the caller's own id, so nobody
 * can touch another person's availability; an exception id that is not yours is a 404.
 */
@Injectable()
export class MyAvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AvailabilityRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async view(
    userId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<AvailabilityView> {
    const stored = (await this.repository.load([userId], null, em)).get(userId);
    return {
      timezone: stored?.timezone ?? null,
      weekly: stored?.weekly ?? [],
      exceptions: stored?.exceptions.map(toExceptionView) ?? [],
    };
  }

  async replaceWeekly(actor: Actor, dto: PutAvailabilityDto): Promise<AvailabilityView> {
    return this.dataSource.transaction(async (em) => {
      await this.repository.replaceWeekly(actor.id, dto.timezone, dto.weekly, em);
      await this.audit.record(
        {
          actor,
          action: 'availability.weekly_replaced',
          target: { type: 'account', id: actor.id },
          details: { windows: dto.weekly.length },
        },
        em,
      );
      return this.view(actor.id, em);
    });
  }

  async setException(
    actor: Actor,
    dto: AvailabilityExceptionDto,
  ): Promise<AvailabilityExceptionView> {
    requireScheduledDate(this.clock.now(), 'date', dto.date);
    return this.dataSource.transaction(async (em) => {
      if (!(await this.repository.lockSchedule(actor.id, em))) throw new AvailabilityNotSetError();
      const windows = dto.windows ?? [];
      const id = await this.repository.setException(actor.id, dto.date, windows, em);
      await this.audit.record(
        {
          actor,
          action: 'availability.exception_set',
          target: { type: 'availability_exception', id },
          details: { windows: windows.length },
        },
        em,
      );
      return toExceptionView({ id, date: dto.date, windows });
    });
  }

  async removeException(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.deleteException(actor.id, id, em))) {
        throw new NotFoundError('availability exception');
      }
      await this.audit.record(
        {
          actor,
          action: 'availability.exception_removed',
          target: { type: 'availability_exception', id },
        },
        em,
      );
    });
  }
}
