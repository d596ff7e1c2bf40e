import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AvailabilityEditor, validateWindows } from './AvailabilityEditor';
import { ExceptionsEditor } from './ExceptionsEditor';

afterEach(cleanup);

const mondayMorning = [{ weekday: 1, start: '09:00', end: '12:00' }];

// Typing through user-event is slow on a loaded machine: room, not a measure.
describe('AvailabilityEditor', { timeout: 30_000 }, () => {
  it('says which zone the times are in', () => {
    render(<AvailabilityEditor timezone="Europe/Athens" weekly={[]} onSave={vi.fn()} />);
    expect(screen.getByText(/All times are in Athens time \(Athens, Greece\)/)).toBeTruthy();
  });

  it('adds hours on a day by keyboard and saves the week, ordered, in the zone', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<AvailabilityEditor timezone="Europe/London" weekly={mondayMorning} onSave={onSave} />);

    screen.getByRole('button', { name: 'Add hours on Wednesday' }).focus();
    await user.keyboard('{Enter}');
    const from = screen.getByLabelText('From (Wednesday window 1)');
    const to = screen.getByLabelText('To (Wednesday window 1)');
    await user.clear(from);
    await user.type(from, '13:30');
    await user.clear(to);
    await user.type(to, '18:00');
    await user.click(screen.getByRole('button', { name: 'Save weekly hours' }));

    expect(onSave).toHaveBeenCalledWith({
      timezone: 'Europe/London',
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 3, start: '13:30', end: '18:00' },
      ],
    });
  });

  it('removes a window', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<AvailabilityEditor timezone="Europe/London" weekly={mondayMorning} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Remove Monday window 1' }));
    await user.click(screen.getByRole('button', { name: 'Save weekly hours' }));
    expect(onSave).toHaveBeenCalledWith({ timezone: 'Europe/London', weekly: [] });
  });

  it('does not save a window that ends before it starts, and links the error to the field', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(
      <AvailabilityEditor
        timezone="Europe/London"
        weekly={[{ weekday: 2, start: '15:00', end: '10:00' }]}
        onSave={onSave}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Save weekly hours' }));
    expect(onSave).not.toHaveBeenCalled();
    const link = screen.getByRole('link', { name: 'Tuesday window 1 must end after it starts' });
    expect(link.getAttribute('href')).toBe('#day-2-window-1-end');
  });
});

describe('time boxes', () => {
  // jsdom has no layout: the width is GOV.UK's width class; width-5 (10.8ex) showed "05:00" of
  // "05:00 PM" in a 12-hour Chromium, width-10 holds the value and the clock button.
  it('are wide enough for a 12-hour time ("05:00 PM"), in the week and on a day of its own', async () => {
    const user = userEvent.setup();
    render(
      <AvailabilityEditor
        timezone="Europe/London"
        weekly={[{ weekday: 1, start: '09:00', end: '17:00' }]}
        onSave={vi.fn()}
      />,
    );
    const week = [
      screen.getByLabelText('From (Monday window 1)'),
      screen.getByLabelText('To (Monday window 1)'),
    ];
    cleanup();
    render(
      <ExceptionsEditor zone="Europe/London" exceptions={[]} save={vi.fn()} remove={vi.fn()} />,
    );
    await user.click(screen.getByLabelText(/Different hours on one day/));
    const day = [screen.getByLabelText('From'), screen.getByLabelText('To')];
    for (const box of [...week, ...day]) {
      expect(box.getAttribute('type')).toBe('time');
      expect(box.classList.contains('govuk-input--width-10')).toBe(true);
      expect(box.className).not.toMatch(/width-[2-5]\b/);
    }
  });
});

describe('validateWindows', () => {
  it('finds overlapping windows on one day but not on different days', () => {
    expect(
      validateWindows([
        { weekday: 4, start: '09:00', end: '12:00' },
        { weekday: 4, start: '11:00', end: '14:00' },
        { weekday: 5, start: '11:00', end: '14:00' },
      ]).map((e) => e.message),
    ).toEqual(['Thursday windows 1 and 2 overlap']);
  });

  it('accepts windows that touch', () => {
    expect(
      validateWindows([
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '14:00' },
      ]),
    ).toEqual([]);
  });
});
