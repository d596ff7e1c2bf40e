import { ForbiddenError } from '../common/domain-error';

/** How each purpose is named to people (the titles of its consent text). */
const PURPOSE_TITLES: Record<string, string> = {
  data_processing: 'Keeping your details',
  share_with_therapist: 'Sharing with your therapist',
  share_with_buddy: 'Sharing with your buddy',
  sms_reminders: 'Text message reminders',
  whatsapp_messages: 'WhatsApp messages',
};

/**
 * 403 `/problems/consent-missing`, naming the purpose the person has not (currently) agreed to:
 * `purpose` for clients, and a `detail` in words that says where to agree.
 */
export class ConsentMissingError extends ForbiddenError {
  constructor(purpose: string) {
    super(
      'consent-missing',
      `First agree to “${PURPOSE_TITLES[purpose] ?? purpose}” on the page “What you have agreed to” in your account.`,
      { purpose },
    );
  }
}
