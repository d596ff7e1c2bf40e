import { Role } from '../../common/auth.decorators';
import { validationPipe } from '../../common/validation';
import { BuddyProfileInput } from './buddy-profile.dto';
import { TherapistProfileInput } from './therapist-profile.dto';
import { VolunteerProfileInput } from './volunteer-profile.dto';

export type ProfileInput = VolunteerProfileInput | TherapistProfileInput | BuddyProfileInput;

const INPUT_BY_ROLE = {
  [Role.Volunteer]: VolunteerProfileInput,
  [Role.Therapist]: TherapistProfileInput,
  [Role.Buddy]: BuddyProfileInput,
} as const;

export type ProfileRole = keyof typeof INPUT_BY_ROLE;

/**
 * The body of `PUT /v1/me/profile` depends on who sends it, so it is validated here, once the
 * role is known, by the same pipe (and the same 400 naming each bad field) as every other body.
 */
export async function parseProfileInput(role: ProfileRole, body: unknown): Promise<ProfileInput> {
  const metatype = INPUT_BY_ROLE[role];
  return (await validationPipe.transform(body, { type: 'body', metatype })) as ProfileInput;
}
