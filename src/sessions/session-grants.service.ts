import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, Role } from '../common/auth.decorators';
import { NotFoundError } from '../common/domain-error';
import { isUniqueViolation } from '../common/pg-errors';
import { IdentityService } from '../identity/identity.service';
import { SessionGrant } from './session-grant.entity';
import { GrantNotNeededError } from './sessions.errors';
import { SessionsRepository } from './sessions.repository';
import { SessionGrantView } from './session-grant.view';

/** A coordinator allows a volunteer one further session, with a recorded reason. */
@Injectable()
export class SessionGrantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: SessionsRepository,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
  ) {}

  async grant(actor: Actor, volunteerId: string, reason: string): Promise<SessionGrantView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const volunteer = await this.identity.get(volunteerId, em);
        if (volunteer.role !== Role.Volunteer) throw new NotFoundError('volunteer');
        if ((await this.repo.nextEntitlement(volunteerId, em)) !== undefined) {
          throw new GrantNotNeededError();
        }
        const grant = await em.save(
          em.create(SessionGrant, {
            volunteerId,
            grantNo: await this.repo.nextGrantNo(volunteerId, em),
            reason: reason.trim(),
            grantedBy: actor.id,
          }),
        );
        await this.audit.record(
          {
            actor,
            action: 'session.granted',
            target: { type: 'account', id: volunteerId },
            details: { grantNo: grant.grantNo },
          },
          em,
        );
        return {
          volunteerId,
          grantNo: grant.grantNo,
          reason: grant.reason,
          grantedBy: grant.grantedBy,
          grantedAt: grant.grantedAt.toISOString(),
        };
      });
    } catch (error) {
      // A concurrent grant took this number: that grant is the further session.
      if (isUniqueViolation(error)) throw new GrantNotNeededError();
      throw error;
    }
  }
}
