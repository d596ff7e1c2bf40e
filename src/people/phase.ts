import type { LocalDate, Phase } from './people.types';

export interface DeploymentDates {
  startsOn: LocalDate;
  endsOn: LocalDate;
}

export interface DerivedPhase {
  phase: Phase;
  returnedOn: LocalDate | null;
  weeksSinceReturn: number | null;
  returnsOn: LocalDate | null;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: LocalDate, to: LocalDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Where a volunteer stands on `today` (their own calendar date): `deployed` on any day from a
 * deployment's first to its last day; otherwise `returned` once a deployment has ended (even with
 * another one planned: they are home now), counting whole weeks from the last day in the field;
 * otherwise `preparing`. Dates compare as `YYYY-MM-DD` strings.
 */
export function derivePhase(deployments: DeploymentDates[], today: LocalDate): DerivedPhase {
  const current = deployments.find((d) => d.startsOn <= today && today <= d.endsOn);
  if (current) {
    return {
      phase: 'deployed',
      returnedOn: null,
      weeksSinceReturn: null,
      returnsOn: current.endsOn,
    };
  }
  const ended = deployments
    .map((d) => d.endsOn)
    .filter((endsOn) => endsOn < today)
    .sort()
    .at(-1);
  if (ended) {
    return {
      phase: 'returned',
      returnedOn: ended,
      weeksSinceReturn: Math.floor(daysBetween(ended, today) / 7),
      returnsOn: null,
    };
  }
  return { phase: 'preparing', returnedOn: null, weeksSinceReturn: null, returnsOn: null };
}
