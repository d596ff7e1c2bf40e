import { rule } from '../../common/validators';

/** Only allowed when the sibling property `channel` is `skype`. */
export const OnlyWithSkype = () =>
  rule(
    'onlyWithSkype',
    (p) => `${p} is only for channel skype`,
    (_value, args) => (args.object as { channel?: unknown }).channel === 'skype',
  );

/** Only allowed when the sibling property `status` is `completed`. */
export const OnlyWhenCompleted = () =>
  rule(
    'onlyWhenCompleted',
    (p) => `${p} is only for a completed call`,
    (_value, args) => (args.object as { status?: unknown }).status === 'completed',
  );
