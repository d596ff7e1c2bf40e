import { navigate, useLocation, useParams } from '../app/router';
import { ConfirmCancel } from '../components/ConfirmCancel';
import { useWithdrawBuddyRequest } from '../buddy/queries';
import { useWithdrawSessionRequest } from '../sessions/queries';

/**
 * Takes back a session or buddy request (/volunteer/requests/:id/withdraw or
 * /volunteer/buddy-requests/:id/withdraw), after a second tap; home then offers to ask again.
 */
export function WithdrawRequest() {
  const { id } = useParams();
  const buddy = useLocation().pathname.startsWith('/volunteer/buddy-requests/');
  const session = useWithdrawSessionRequest();
  const pairing = useWithdrawBuddyRequest();
  const withdraw = buddy ? pairing : session;
  const back = buddy ? `/volunteer/buddy-requests/${id}` : `/volunteer/requests/${id}`;
  return (
    <ConfirmCancel
      title={buddy ? 'Withdraw your request for a buddy?' : 'Withdraw your request for a session?'}
      back={back}
      error={withdraw.error}
      busy={withdraw.isPending}
      confirmLabel="Yes, withdraw it"
      keepLabel="No, keep my request"
      onConfirm={() => withdraw.mutate(id, { onSuccess: () => navigate('/volunteer?withdrawn=1') })}
    >
      {buddy
        ? 'Nobody will be asked to call you. You can ask for a buddy again at any time.'
        : 'Your free session stays yours: you can ask again at any time, with other dates or another way to talk.'}
    </ConfirmCancel>
  );
}
