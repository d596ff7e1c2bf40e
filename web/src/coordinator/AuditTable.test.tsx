import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../api/client';
import { AuditTable } from './AuditTable';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-02-20T12:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ROSA = '6f1c1f3e-0a4b-4c1e-9d7e-2f3a4b5c6d7e';
const MORGAN = '0b8e2f1a-3c4d-4e5f-8a9b-1c2d3e4f5a6b';

const line = (over: Partial<Schemas['AuditEventView']>): Schemas['AuditEventView'] => ({
  id: crypto.randomUUID(),
  at: '2027-02-19T09:30:00.000Z',
  actorId: MORGAN,
  actorRole: 'coordinator',
  actorName: 'Morgan Ellis',
  action: 'person.read',
  targetType: 'account',
  targetId: ROSA,
  targetName: 'Rosa Lind',
  requestId: null,
  details: {},
  ...over,
});

const rowOf = (text: string) => screen.getByText(text).closest('tr')!;

describe('AuditTable', () => {
  it('says who did what about whom and when, in words, linking each name to its record', () => {
    render(
      <AuditTable
        lines={[
          line({}),
          line({
            action: 'consent.granted',
            details: { purpose: 'sms_reminders', version: 1 },
          }),
          line({
            action: 'session.booked',
            actorId: ROSA,
            actorRole: 'volunteer',
            actorName: 'Rosa Lind',
            targetType: 'session',
            targetId: 'c0ffee00-0000-4000-8000-000000000000',
            targetName: null,
          }),
        ]}
        zone="Europe/London"
      />,
    );
    const read = within(rowOf("Opened a person's record"));
    expect(read.getByRole('link', { name: 'Morgan Ellis' }).getAttribute('href')).toBe(
      `/coordinator/people/${MORGAN}`,
    );
    expect(read.getByText('coordinator')).toBeTruthy();
    expect(read.getByRole('link', { name: 'Rosa Lind' }).getAttribute('href')).toBe(
      `/coordinator/people/${ROSA}`,
    );
    expect(read.getByText('Fri 19 Feb, 09:30 London time')).toBeTruthy();
    const booked = within(rowOf('Booked a session'));
    expect(booked.getByText('a session')).toBeTruthy();
    expect(screen.getByText('Gave consent: text message reminders')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('shows erased people as "Erased user", the service as itself, and never an id or code', () => {
    render(
      <AuditTable
        lines={[
          line({
            action: 'data.erased',
            actorId: ROSA,
            actorRole: 'volunteer',
            actorName: null,
            targetName: null,
          }),
          line({ action: 'vetting.expired', actorId: null, actorRole: null, actorName: null }),
          line({
            action: 'something.new' as Schemas['AuditEventView']['action'],
            targetType: null,
            targetId: null,
            targetName: null,
          }),
          line({ targetId: 'not-an-id', targetName: null }),
        ]}
        zone="Europe/London"
      />,
    );
    const erased = within(rowOf('Erased their details'));
    expect(erased.getAllByText('Erased user')).toHaveLength(2);
    expect(erased.queryAllByRole('link')).toHaveLength(0);
    expect(within(rowOf('Checks ran out')).getByText('The service')).toBeTruthy();
    const unknown = within(rowOf('Something this page has no words for'));
    expect(unknown.getByText('Nothing in particular')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[0-9a-f]{8}-|not-an-id|something\.new|_/);
  });
});
