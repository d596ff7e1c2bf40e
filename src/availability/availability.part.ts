import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DataRights, PersonalDataPart } from '../common/data-rights.service';
import { AvailabilityRepository } from './availability.repository';
import { MyAvailabilityService } from './my-availability.service';

/** A person's availability in their data export; erasure deletes it (nothing here must be kept). */
@Injectable()
export class AvailabilityDataPart implements PersonalDataPart, OnModuleInit {
  readonly name = 'availability';

  constructor(
    private readonly dataRights: DataRights,
    private readonly mine: MyAvailabilityService,
    private readonly repository: AvailabilityRepository,
  ) {}

  onModuleInit(): void {
    this.dataRights.register(this);
  }

  export(userId: string, em: EntityManager): Promise<unknown> {
    return this.mine.view(userId, em);
  }

  erase(userId: string, em: EntityManager): Promise<void> {
    return this.repository.erase(userId, em);
  }
}
