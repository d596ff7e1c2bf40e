import { useEffect } from 'react';
import { Loading } from '../components/Status';
import { navigate } from './router';

/** Moves to `to` (replacing this entry in the history), showing "Loading" meanwhile. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}
