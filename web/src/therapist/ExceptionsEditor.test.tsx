import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../app/query';
import { ExceptionsEditor } from './ExceptionsEditor';

// Today is fixed: a date in another year than today's would show its year.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-02-20T12:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const covers = new ApiError({
  type: '/problems/time-off-covers-sessions',
  status: 409,
  detail: 'You have a session booked in this time.',
  sessions: [
    {
      id: 's1',
      startsAt: {
        utc: '2027-03-10T09:00:00.000Z',
        local: '2027-03-10T09:00:00+00:00',
        timezone: 'Europe/London',
      },
      endsAt: {
        utc: '2027-03-10T09:50:00.000Z',
        local: '2027-03-10T09:50:00+00:00',
        timezone: 'Europe/London',
      },
      volunteerFirstName: 'Amira',
    },
  ],
});

async function typeDate(user: ReturnType<typeof userEvent.setup>, legend: string, d: string[]) {
  const group = screen.getByRole('group', { name: new RegExp(legend) });
  const [day, month, year] = group.querySelectorAll('input');
  await user.type(day, d[0]);
  await user.type(month, d[1]);
  await user.type(year, d[2]);
}

// Typing through user-event is slow on a loaded machine: room, not a measure.
describe('ExceptionsEditor', { timeout: 30_000 }, () => {
  it('asks for time off as a range of dates, both included', async () => {
    const user = userEvent.setup();
    const save = vi.fn().mockResolvedValue({});
    render(<ExceptionsEditor zone="Europe/London" exceptions={[]} save={save} remove={vi.fn()} />);
    await typeDate(user, 'First day off', ['9', '3', '2027']);
    await typeDate(user, 'Last day off', ['11', '3', '2027']);
    await user.click(screen.getByRole('button', { name: 'Add time off' }));
    expect(save).toHaveBeenCalledWith(
      { kind: 'off', from: '2027-03-09', to: '2027-03-11' },
      undefined,
    );
    expect(
      await screen.findByText(/time off from 9 March 2027 to 11 March 2027 is saved/),
    ).toBeTruthy();
  });

  it('takes an empty last day as one day, and refuses a last day before the first', async () => {
    const user = userEvent.setup();
    const save = vi.fn().mockResolvedValue({});
    render(<ExceptionsEditor zone="Europe/London" exceptions={[]} save={save} remove={vi.fn()} />);
    await typeDate(user, 'First day off', ['9', '3', '2027']);
    await typeDate(user, 'Last day off', ['8', '3', '2027']);
    await user.click(screen.getByRole('button', { name: 'Add time off' }));
    expect(save).not.toHaveBeenCalled();
    expect(
      screen.getAllByText(/last day off must be the same as the first day or after it/),
    ).not.toHaveLength(0);

    const last = screen.getByRole('group', { name: /Last day off/ });
    for (const input of last.querySelectorAll('input')) await user.clear(input);
    await user.click(screen.getByRole('button', { name: 'Add time off' }));
    expect(save).toHaveBeenCalledWith(
      { kind: 'off', from: '2027-03-09', to: '2027-03-09' },
      undefined,
    );
  });

  it.each([
    [
      'Cancel this session (the volunteer is told)',
      'cancel',
      /session is cancelled and the volunteer is told/,
    ],
    ['Keep it', 'keep', /session stays booked/],
  ] as const)(
    'shows the booked sessions the time off covers, with names and zoned times; "%s" sends %s',
    async (button, choice, outcome) => {
      const user = userEvent.setup();
      const save = vi.fn().mockRejectedValueOnce(covers).mockResolvedValueOnce({});
      render(
        <ExceptionsEditor zone="Europe/London" exceptions={[]} save={save} remove={vi.fn()} />,
      );
      await typeDate(user, 'First day off', ['10', '3', '2027']);
      await user.click(screen.getByRole('button', { name: 'Add time off' }));

      const heading = await screen.findByRole('heading', {
        name: 'You have a session booked in this time',
      });
      expect(document.activeElement).toBe(heading);
      expect(screen.getByText('Wed 10 Mar, 09:00 London time with Amira')).toBeTruthy();
      await user.click(screen.getByRole('button', { name: button }));

      expect(save).toHaveBeenLastCalledWith(
        { kind: 'off', from: '2027-03-10', to: '2027-03-10' },
        choice,
      );
      expect(await screen.findByText(outcome)).toBeTruthy();
      expect(screen.queryByRole('heading', { name: /booked in this time/ })).toBeNull();
    },
  );
});
