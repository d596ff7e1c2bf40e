import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../api/client';
import { Attendance, attendanceWords } from './Attendance';

// Today is fixed: a date in another year than today's would show its year.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-02-20T12:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const session = (attendance: Schemas['SessionView']['attendance']) =>
  ({
    attendance,
    attendanceAt: attendance ? '2027-03-01T09:00:00.000Z' : null,
  }) as Schemas['SessionView'];

describe('Attendance', () => {
  it('shows the volunteer’s answer by text with its time and zone, or nothing', () => {
    render(<Attendance session={session('confirmed')} zone="Europe/Athens" />);
    expect(screen.getByText(/Confirmed by text/)).toBeTruthy();
    expect(screen.getByText('(Mon 1 Mar, 11:00 Athens time)')).toBeTruthy();
    expect(attendanceWords(session('cannot_attend'))).toBe('Can’t make it');
    expect(attendanceWords(session(null))).toBeNull();
    const { container } = render(<Attendance session={session(null)} zone="Europe/Athens" />);
    expect(container.textContent).toBe('');
  });
});
