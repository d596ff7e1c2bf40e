import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Page } from './Page';
import { stepReducer, useQuestionSteps } from './questionSteps';
import { SummaryList } from './SummaryList';

afterEach(cleanup);

const STEPS = ['languages', 'modality', 'dates', 'check'] as const;
const step = stepReducer(STEPS);

describe('stepReducer', () => {
  it('Continue goes to the next question, Back to the previous one, not further than the first', () => {
    let s = step({ step: 'languages', changing: false }, { type: 'next' });
    expect(s).toEqual({ step: 'modality', changing: false });
    s = step(s, { type: 'next' });
    expect(s.step).toBe('dates');
    s = step(s, { type: 'back' });
    expect(s.step).toBe('modality');
    s = step(step(s, { type: 'back' }), { type: 'back' });
    expect(s.step).toBe('languages');
  });

  it('a Change link opens that question; its Continue returns to the check page', () => {
    let s = step({ step: 'check', changing: false }, { type: 'change', step: 'modality' });
    expect(s).toEqual({ step: 'modality', changing: true });
    s = step(s, { type: 'next' });
    expect(s).toEqual({ step: 'check', changing: false });
  });

  it('Back from a question opened by Change returns to the check page too', () => {
    const s = step({ step: 'check', changing: false }, { type: 'change', step: 'languages' });
    expect(step(s, { type: 'back' })).toEqual({ step: 'check', changing: false });
  });
});

/** A question page built as AskSession is: Page's Back steps, the check page has Change links. */
function Questions() {
  const steps = useQuestionSteps(STEPS);
  return (
    <Page title={`Question ${steps.step}`} back="/volunteer" onBack={steps.back}>
      {steps.step === 'check' ? (
        <SummaryList
          rows={STEPS.slice(0, 3).map((s) => ({
            key: s,
            value: `answer ${s}`,
            change: { label: s, onClick: () => steps.change(s) },
          }))}
        />
      ) : (
        <button type="button" onClick={steps.next}>
          Continue
        </button>
      )}
    </Page>
  );
}

describe('a question page', { timeout: 30_000 }, () => {
  const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

  it('links Back home on the first question, and steps back on the later ones', async () => {
    const user = userEvent.setup();
    render(<Questions />);
    expect(screen.getByRole('link', { name: 'Back' }).getAttribute('href')).toBe('/volunteer');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(heading()).toBe('Question dates');
    expect(screen.queryByRole('link', { name: 'Back' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading()).toBe('Question modality');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading()).toBe('Question languages');
    expect(screen.getByRole('link', { name: 'Back' })).toBeTruthy();
  });

  it('has a Change link on each row of the check page, back to that question and then the check page', async () => {
    const user = userEvent.setup();
    render(<Questions />);
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(heading()).toBe('Question check');
    // jsdom joins "Change" and the visually hidden words without the space a browser keeps.
    const change = (what: string) => screen.getByRole('button', { name: `Change${what}` });
    const changes = screen.getAllByRole('button', { name: /^Change/ });
    expect(changes.map((c) => c.textContent)).toEqual([
      'Change languages',
      'Change modality',
      'Change dates',
    ]);

    await user.click(change('modality'));
    expect(heading()).toBe('Question modality');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(heading()).toBe('Question check');

    await user.click(change('languages'));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading()).toBe('Question check');
  });
});
