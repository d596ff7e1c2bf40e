import {
  GENDER_PREFERENCE_CHOICES,
  languageList,
  LANGUAGES_HINT,
  languagesText,
  MODALITY_WORDS,
  parseLanguages,
} from '../words';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useMe } from '../account/useMe';
import { api, openRequestOf, problemError, type Schemas } from '../api/client';
import { unwrap } from '../app/query';
import { navigate } from '../app/router';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { DateInput, emptyDate, toIsoDate, type DateParts } from '../components/DateInput';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { useQuestionSteps } from '../components/questionSteps';
import { SummaryList } from '../components/SummaryList';
import { Textarea, TextInput } from '../components/TextInput';
import { formatDate } from '../time/formatZoned';
import { useOpenSessionRequest } from '../sessions/queries';

const STEPS = ['languages', 'modality', 'dates', 'gender', 'note', 'check'] as const;
/** The API's longest note. */
const NOTE_MAX = 500;
type Step = (typeof STEPS)[number];
const MODALITY = MODALITY_WORDS;

/** Ask for the one free session: one question per page, then check your answers. Draft in memory. */
export function AskSession() {
  const me = useMe();
  const open = useOpenSessionRequest();
  // One request at a time: someone who asked already goes back to choosing for it.
  useEffect(() => {
    if (open.data) navigate(`/volunteer/requests/${open.data.id}`, { replace: true });
  }, [open.data]);
  const steps = useQuestionSteps(STEPS, () => setErrors([]));
  const step = steps.step;
  const [languages, setLanguages] = useState<string | null>(null);
  const [modality, setModality] = useState('');
  const [from, setFrom] = useState<DateParts>(emptyDate);
  const [to, setTo] = useState<DateParts>(emptyDate);
  const [gender, setGender] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const profile = me.data?.profile as Schemas['VolunteerProfileDetailsView'] | null | undefined;
  const langs = languages ?? languagesText(profile?.languages ?? []);
  const codes = parseLanguages(langs);
  const ask = useMutation({
    mutationFn: async (body: Schemas['CreateSessionRequestDto']) =>
      unwrap(await api.POST('/v1/session-requests', { body })),
    onSuccess: (request) => navigate(`/volunteer/requests/${request.id}`),
    onError: (error) => {
      // Asked already (another tab, or before): back to that request rather than a second one.
      const open = openRequestOf(error);
      if (open) return navigate(`/volunteer/requests/${open}`);
      setErrors([problemError(error)]);
    },
  });

  function next(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (step === 'languages' && codes.length === 0)
      missing.push({ href: 'languages', message: 'Enter at least one language' });
    if (step === 'modality' && !modality)
      missing.push({ href: 'modality', message: 'Select how you would like to talk' });
    if (step === 'dates') {
      const a = toIsoDate(from);
      const b = toIsoDate(to);
      if (!a) missing.push({ href: 'from-day', message: 'Enter a real date' });
      if (!b) missing.push({ href: 'to-day', message: 'Enter a real date' });
      if (a && b && b < a)
        missing.push({ href: 'to-day', message: 'The latest date must be after the earliest' });
    }
    if (step === 'note' && note.trim().length > NOTE_MAX)
      missing.push({
        href: 'note',
        message: `Keep your note to ${NOTE_MAX} characters: it has ${note.trim().length}`,
      });
    setErrors(missing);
    if (missing.length) return;
    if (step === 'check') {
      ask.mutate({
        languages: codes,
        modality: modality as Schemas['CreateSessionRequestDto']['modality'],
        notBefore: `${toIsoDate(from)}T00:00:00Z`,
        notAfter: `${toIsoDate(to)}T23:59:59Z`,
        ...(gender ? { therapistGender: gender } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      return;
    }
    steps.next();
  }

  const back = steps.back;
  const change = steps.changeLink;

  const error = (id: string) => errors.find((e) => e.href === id)?.message;
  const titles: Record<Step, string> = {
    languages: 'Which languages would you like to talk in?',
    modality: 'How would you like to talk?',
    dates: 'When could you have your session?',
    gender: 'Would you like to talk to someone of a particular gender?',
    note: 'Is there anything you would like them to know?',
    check: 'Check your answers',
  };
  return (
    <Page
      title={titles[step]}
      caption="Your free session"
      back="/volunteer"
      onBack={back}
      hasError={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      <form onSubmit={next} noValidate>
        {step === 'languages' && (
          <TextInput
            id="languages"
            label="Languages"
            hint={LANGUAGES_HINT}
            value={langs}
            onChange={setLanguages}
            error={error('languages')}
          />
        )}
        {step === 'modality' && (
          <Radios
            id="modality"
            legend={titles.modality}
            legendHidden
            value={modality}
            onChange={setModality}
            error={error('modality')}
            choices={Object.entries(MODALITY).map(([value, label]) => ({ value, label }))}
          />
        )}
        {step === 'dates' && (
          <>
            <DateInput
              id="from"
              legend="Earliest date"
              value={from}
              onChange={setFrom}
              error={error('from-day')}
            />
            <DateInput
              id="to"
              legend="Latest date"
              value={to}
              onChange={setTo}
              error={error('to-day')}
            />
          </>
        )}
        {step === 'gender' && (
          <Radios
            id="gender"
            legend={titles.gender}
            legendHidden
            hint="Optional. We show you only people who match, so there may be fewer to choose from."
            value={gender}
            onChange={setGender}
            choices={GENDER_PREFERENCE_CHOICES}
          />
        )}
        {step === 'note' && (
          <Textarea
            id="note"
            label="Your note (optional)"
            hint={`Up to ${NOTE_MAX} characters. Only the person you choose reads it, and only if you agreed to share with them. Leave it empty if you prefer.`}
            value={note}
            onChange={setNote}
            error={error('note')}
          />
        )}
        {step === 'check' && (
          <SummaryList
            rows={[
              {
                key: 'Languages',
                value: languageList(codes),
                change: change('languages', 'languages'),
              },
              {
                key: 'How',
                value: MODALITY[modality],
                change: change('modality', 'how you would like to talk'),
              },
              {
                key: 'Dates',
                value: `${formatDate(toIsoDate(from)!)} to ${formatDate(toIsoDate(to)!)}`,
                change: change('dates', 'dates'),
              },
              {
                key: 'Gender of the person',
                value: GENDER_PREFERENCE_CHOICES.find((c) => c.value === gender)?.label ?? '',
                change: change('gender', 'gender of the person'),
              },
              {
                key: 'Your note',
                value: note.trim() || 'None',
                change: change('note', 'your note'),
              },
            ]}
          />
        )}
        <Button disabled={ask.isPending}>
          {step === 'check' ? 'Ask for my session' : 'Continue'}
        </Button>
      </form>
    </Page>
  );
}
