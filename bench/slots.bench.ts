/**
 * Free-slot search, measured on real PostgreSQL: the bulk query matching uses (all therapists in
 * one call) against the per-therapist loop it replaces, and how the cost grows with therapists and
 * days. Prints ratios against references measured in the same run; asserts nothing.
 *
 *   npm run bench
 */
import { performance } from 'node:perf_hooks';
import { Role } from '../src/common/auth.decorators';
import { AvailabilityService } from '../src/availability/availability.service';
import { createCoordinator, createTestApp, signUp, TestApp } from '../test/app';
import { therapistProfile } from '../test/people.fixtures';
import globalSetup from '../test/setup/global-setup';
import globalTeardown from '../test/setup/global-teardown';

const THERAPISTS = 25;
const RUNS = 15;
const DAY = 86_400_000;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function seedTherapists(t: TestApp): Promise<string[]> {
  const coordinator = await createCoordinator(t);
  const ids: string[] = [];
  for (let i = 0; i < THERAPISTS; i++) {
    const therapist = await signUp(t, Role.Therapist);
    await t.http.put('/v1/me/profile').set(therapist.auth).send(therapistProfile()).expect(200);
    await t.http
      .put('/v1/me/availability')
      .set(therapist.auth)
      .send({
        timezone: i % 2 ? 'Europe/London' : 'Europe/Athens',
        weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
          { weekday, start: '09:00', end: '12:30' },
          { weekday, start: '13:30', end: '17:00' },
        ]),
      })
      .expect(200);
    await t.http
      .post(`/v1/vetting/${therapist.id}/verify`)
      .set(coordinator.auth)
      .send({ evidence: 'BACP register checked' })
      .expect((res) => {
        if (res.status >= 300) throw new Error(`verify answered ${res.status}`);
      });
    ids.push(therapist.id);
  }
  return ids;
}

async function main(): Promise<void> {
  await globalSetup();
  const t = await createTestApp();
  try {
    const ids = await seedTherapists(t);
    const availability = t.app.get(AvailabilityService);
    const from = new Date(Date.now() + 2 * DAY);
    const range = (days: number) => ({ from, to: new Date(from.getTime() + days * DAY) });

    const slots = await availability.freeSlots(ids, range(60));
    const total = [...slots.values()].reduce((n, s) => n + s.length, 0);

    const bulk = await median(() => availability.freeSlots(ids, range(60)));
    const loop = await median(async () => {
      for (const id of ids) await availability.freeSlots([id], range(60));
    });
    const one = await median(() => availability.freeSlots(ids.slice(0, 1), range(60)));
    const month = await median(() => availability.freeSlots(ids, range(30)));

    const row = (name: string, ms: number, ratio: string) =>
      console.log(`${name.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  ${ratio}`);
    console.log(`free slots: ${THERAPISTS} therapists, 60 days, ${total} slots; median of ${RUNS}`);
    row(`bulk freeSlots(${THERAPISTS} therapists, 60 days)`, bulk, '1.00x (reference)');
    row(
      `per-therapist loop (${THERAPISTS} calls, the N+1 shape)`,
      loop,
      `${(loop / bulk).toFixed(2)}x bulk`,
    );
    row(
      'bulk, 1 therapist, 60 days',
      one,
      `bulk is ${(bulk / one).toFixed(1)}x this for ${THERAPISTS}x the therapists`,
    );
    row(
      `bulk, ${THERAPISTS} therapists, 30 days`,
      month,
      `60 days cost ${(bulk / month).toFixed(2)}x 30 days`,
    );
  } finally {
    await t.close();
    await globalTeardown();
  }
}

void main();
