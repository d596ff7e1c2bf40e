import { useMutation, useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, problemMessage } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import { Button } from '../components/Button';
import { Checkboxes, Radios } from '../components/Choices';
import { ErrorSummary, FieldError } from '../components/ErrorSummary';
import { Success } from '../components/Status';

const WHATSAPP_PURPOSE = 'whatsapp_messages';

type Channel = 'sms' | 'whatsapp';

/**
 * SMS or WhatsApp for texts. Choosing WhatsApp without having agreed to WhatsApp messages asks
 * for that agreement here, with its text, before the choice is saved.
 */
export function TextChannel() {
  const current = useQuery({
    queryKey: ['my-text-channel'],
    queryFn: async () => unwrap(await api.GET('/v1/me/text-channel')),
  });
  const purposes = useQuery({
    queryKey: ['consent-purposes'],
    queryFn: async () => unwrap(await api.GET('/v1/consent/purposes')),
  });
  const [picked, setPicked] = useState<Channel | null>(null);
  const [agreed, setAgreed] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<Channel | null>(null);

  const whatsappText = purposes.data?.find((p) => p.purpose === WHATSAPP_PURPOSE);
  const save = useMutation({
    mutationFn: async ({ channel, consent }: { channel: Channel; consent: boolean }) => {
      if (consent && whatsappText) {
        unwrap(
          await api.POST('/v1/me/consents', {
            body: {
              purpose: WHATSAPP_PURPOSE,
              version: whatsappText.currentVersion,
              granted: true,
            },
          }),
        );
      }
      return unwrap(await api.PUT('/v1/me/text-channel', { body: { channel } }));
    },
    onSuccess: async (result) => {
      setSaved(result.channel);
      setAgreed([]);
      await queryClient.invalidateQueries({ queryKey: ['my-text-channel'] });
      await queryClient.invalidateQueries({ queryKey: ['my-consents'] });
    },
  });

  const data = current.data;
  if (!data?.whatsappAvailable) return null;
  const channel = picked ?? data.channel;
  const needsConsent = channel === 'whatsapp' && !data.whatsappConsent;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (needsConsent && !agreed.includes('yes')) {
      setErrors([
        {
          href: '#whatsapp-agree',
          message: 'Agree to WhatsApp messages, or choose text message (SMS)',
        },
      ]);
      return;
    }
    setErrors([]);
    save.mutate({ channel, consent: needsConsent });
  };

  const allErrors = save.error
    ? [...errors, { href: '#text-channel', message: problemMessage(save.error) }]
    : errors;
  return (
    <section aria-labelledby="text-channel-heading" className="govuk-!-margin-bottom-7">
      <h2 className="govuk-heading-m" id="text-channel-heading">
        How we send your texts
      </h2>
      <ErrorSummary errors={allErrors} />
      {saved && (
        <Success>
          Your texts will come by {saved === 'whatsapp' ? 'WhatsApp' : 'text message (SMS)'}.
        </Success>
      )}
      {data.fallsBackToSms && !saved && (
        <p className="govuk-body">
          You chose WhatsApp but have not agreed to WhatsApp messages, so your texts come by text
          message (SMS).
        </p>
      )}
      <form noValidate onSubmit={submit}>
        <Radios
          id="text-channel"
          legend="Send my texts by"
          value={channel}
          onChange={(v) => setPicked(v as Channel)}
          choices={[
            { value: 'sms', label: 'Text message (SMS)' },
            {
              value: 'whatsapp',
              label: 'WhatsApp',
              hint:
                'Messages come from our WhatsApp number. More than 24 hours after you last wrote ' +
                'to us there, we can send only messages WhatsApp has approved in advance.',
            },
          ]}
        />
        {needsConsent && whatsappText && (
          <>
            <div className="govuk-inset-text">{whatsappText.text}</div>
            <Checkboxes
              id="whatsapp-agree"
              legend={whatsappText.title}
              error={errors.length > 0 ? errors[0].message : undefined}
              values={agreed}
              onChange={setAgreed}
              choices={[{ value: 'yes', label: 'I agree to WhatsApp messages' }]}
            />
          </>
        )}
        <Button type="submit" disabled={save.isPending}>
          Save
        </Button>
      </form>
    </section>
  );
}
