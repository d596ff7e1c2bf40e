import { useReducer } from 'react';

/**
 * The step flow of a question page: questions in order, the last step "Check your answers".
 * Back goes to the previous question (from the first, the page's home); a Change link on the
 * check page opens that question, and its Continue (or Back) returns to the check page.
 */
export interface StepState<S extends string> {
  step: S;
  /** Opened from a Change link: Continue and Back both return to the check page. */
  changing: boolean;
}

export type StepAction<S extends string> =
  { type: 'next' } | { type: 'back' } | { type: 'change'; step: S } | { type: 'restart' };

export function stepReducer<S extends string>(order: readonly S[]) {
  const check = order[order.length - 1];
  return (state: StepState<S>, action: StepAction<S>): StepState<S> => {
    const at = order.indexOf(state.step);
    switch (action.type) {
      case 'next':
        if (state.changing) return { step: check, changing: false };
        return { step: order[Math.min(at + 1, order.length - 1)], changing: false };
      case 'back':
        if (state.changing) return { step: check, changing: false };
        return { step: order[Math.max(at - 1, 0)], changing: false };
      case 'change':
        return { step: action.step, changing: action.step !== check };
      case 'restart':
        return { step: order[0], changing: false };
    }
  };
}

/**
 * The step flow as a hook: `back` is undefined on the first question (Back leaves the page).
 * `onLeave` runs whenever Back or a Change link leaves a question (a page clears its errors).
 */
export function useQuestionSteps<S extends string>(
  order: readonly S[],
  onLeave: () => void = () => undefined,
) {
  const [state, dispatch] = useReducer(stepReducer(order), { step: order[0], changing: false });
  const first = state.step === order[0] && !state.changing;
  const change = (step: S) => {
    onLeave();
    dispatch({ type: 'change', step });
  };
  return {
    step: state.step,
    changing: state.changing,
    next: () => dispatch({ type: 'next' }),
    back: first
      ? undefined
      : () => {
          onLeave();
          dispatch({ type: 'back' });
        },
    change,
    /** A check page row's Change link: opens `step`, then Continue returns to the check page. */
    changeLink: (step: S, label: string) => ({ label, onClick: () => change(step) }),
    restart: () => dispatch({ type: 'restart' }),
  };
}
