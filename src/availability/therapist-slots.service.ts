import { Injectable } from '@nestjs/common';
import { Actor, Role } from '../common/auth.decorators';
import { NotFoundError } from '../common/domain-error';
import { PeopleService } from '../people/people.service';
import { AvailabilityService } from './availability.service';
import { SlotQuery } from './dto/slots.dto';
import { parseSlotRange, toSlotView } from './slot-range';
import { SlotsView } from './slots.view';

/**
 * `GET /v1/therapists/{id}/slots`. Volunteers (and anyone else) see the slots of matchable
 * therapists only: for a pending, suspended or expired therapist the answer is 404, exactly as
 * for an unknown id, so vetting status does not leak. The therapist and coordinators always see
 * them.
 */
@Injectable()
export class TherapistSlotsService {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly people: PeopleService,
  ) {}

  async search(actor: Actor, therapistId: string, query: SlotQuery): Promise<SlotsView> {
    const tz = query.tz ?? actor.timezone;
    const range = parseSlotRange(query.from, query.to, tz);
    const seesUnvetted = actor.id === therapistId || actor.role === Role.Coordinator;
    if (!seesUnvetted) {
      const matchable = await this.people.matchableIds('therapist', [therapistId]);
      if (matchable.length === 0) throw new NotFoundError('therapist');
    }
    const [profile] = await this.people.therapistProfiles([therapistId]);
    if (!profile) throw new NotFoundError('therapist');

    const found = await this.availability.therapistSlots(profile, range);
    return {
      therapistId,
      therapistTimezone: found.timezone,
      timezone: tz,
      sessionMinutes: found.sessionMinutes,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      slots: found.slots.map((s) => toSlotView(s, found.sessionMinutes, tz)),
    };
  }
}
