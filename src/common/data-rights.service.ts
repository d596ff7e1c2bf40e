import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * A module's part of a person's data rights (GDPR Art. 15/17/20). Each module that holds personal
 * data registers one (in onModuleInit); the consent module's export and erasure endpoints run them
 * all, erasure inside one transaction.
 */
export interface PersonalDataPart {
  /** Key of this part in the export document, e.g. 'sessions'. */
  readonly name: string;
  export(userId: string, em: EntityManager): Promise<unknown>;
  /** Cancel what is in the future, anonymise what must be kept; must be idempotent. */
  erase(userId: string, em: EntityManager): Promise<void>;
}

@Injectable()
export class DataRights {
  private readonly parts: PersonalDataPart[] = [];

  register(part: PersonalDataPart): void {
    if (this.parts.some((p) => p.name === part.name)) {
      throw new Error(`Personal data part ${part.name} registered twice`);
    }
    this.parts.push(part);
  }

  all(): readonly PersonalDataPart[] {
    return this.parts;
  }
}
