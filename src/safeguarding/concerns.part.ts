import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DataRights, PersonalDataPart } from '../common/data-rights.service';
import { toStatusView, ConcernStatusView } from './concern.view';
import { ConcernsRepository } from './concerns.repository';

/**
 * Safeguarding's part of a person's data rights. Export: the concerns they reported, status only
 * (what a reporter may see at any time). Concerns about them are not exported: the subject never
 * sees a concern about them (UK GDPR exemptions for crime prevention and the protection of others).
 *
 * Erasure keeps every concern: safeguarding records must outlive a request to erase, because a
 * pattern of concerns about a person, or a referral to the police or a local authority, may be
 * needed to protect children and adults at risk (DPA 2018 Sch. 1 para 18, Art. 17(3)(b) and (e)).
 * What is erased is the link to the reporter: their account id on each report is replaced by one
 * random pseudonym, shared by all their reports so a coordinator can still see they came from one
 * person, and unlinkable to the account. Concerns about the erased person stay under their
 * (anonymised) account id; their text stays encrypted.
 */
@Injectable()
export class ConcernsDataPart implements PersonalDataPart, OnModuleInit {
  readonly name = 'concerns';

  constructor(
    private readonly registry: DataRights,
    private readonly concerns: ConcernsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string, em: EntityManager): Promise<{ reported: ConcernStatusView[] }> {
    return { reported: (await this.concerns.reportedBy(userId, em)).map(toStatusView) };
  }

  /** Idempotent: a second run finds no report still carrying the account id. */
  async erase(userId: string, em: EntityManager): Promise<void> {
    await this.concerns.pseudonymiseReporter(userId, randomUUID(), em);
  }
}
