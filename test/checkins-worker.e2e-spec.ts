import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { AppRole } from '../config/configuration';
import { CheckinsProcessor, CheckinsScheduler } from '../src/checkins/checkins.processor';
import { QueueName } from '../src/common/queues';
import { createTestApp, TestApp } from './app';
import { TestClock } from './clock';

describe('check-ins worker', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock('2027-03-01T09:00:00Z'), role: AppRole.Worker });
  });
  afterAll(() => t.close());

  it('registers the hourly materialisation job once, however often the worker starts', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Checkins));
    await t.app.get(CheckinsScheduler).onModuleInit(); // as a second worker starting would
    const repeatable = (await queue.getRepeatableJobs()).filter((j) => j.name === 'materialise');
    expect(repeatable).toEqual([expect.objectContaining({ cron: '7 * * * *' })]);
  });

  it('ends finished pairings and materialises calls with the clock’s now', async () => {
    const result = await t.app.get(CheckinsProcessor).materialise();
    expect(result).toEqual({ ended: expect.any(Number), added: expect.any(Number) });
  });
});
