/** Signed-in pages every role has, loaded on first visit (see app/lazyPages). */
export { AccountEmail } from './AccountEmail';
export { AccountHome } from './AccountHome';
export { AccountName } from './AccountName';
export { AccountPassword } from './AccountPassword';
export { ConcernList } from './ConcernList';
export { ConcernNew } from './ConcernNew';
export { Consents } from './Consents';
export { DataPage } from './DataPage';
export { MessagePreferences } from './MessagePreferences';
export { PhoneConfirm } from './PhoneConfirm';
export { Texts } from './Texts';
