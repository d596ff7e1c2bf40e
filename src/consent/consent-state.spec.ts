import { ConsentChannel } from './consent-purpose';
import { ConsentHistoryItem, PurposeCatalogEntry, summarise } from './consent-state';

const entry = (purpose: string, currentVersion: number, minimumValidVersion = 1) =>
  ({
    purpose,
    currentVersion,
    minimumValidVersion,
    title: purpose,
    text: '',
    requiresReconsent: minimumValidVersion === currentVersion && currentVersion > 1,
    publishedAt: new Date(0),
  }) satisfies PurposeCatalogEntry;

let seq = 0;
const event = (purpose: string, version: number, granted: boolean): ConsentHistoryItem => ({
  id: `e${++seq}`,
  purpose,
  version,
  granted,
  channel: ConsentChannel.Web,
  recordedBy: null,
  at: new Date(Date.UTC(2026, 0, 1, 0, seq)),
});

describe('summarise', () => {
  it('answers never asked as not granted, no version', () => {
    expect(summarise([entry('a', 1)], [])).toEqual([
      expect.objectContaining({ purpose: 'a', granted: false, version: null, valid: false }),
    ]);
  });

  it('lets the latest event decide', () => {
    const history = [event('a', 1, true), event('a', 1, false)];
    expect(summarise([entry('a', 1)], history)[0]).toMatchObject({ granted: false, valid: false });
    history.push(event('a', 1, true));
    expect(summarise([entry('a', 1)], history)[0]).toMatchObject({
      granted: true,
      valid: true,
      at: history[2].at,
    });
  });

  it('keeps an older grant valid after a version that does not ask for fresh consent', () => {
    const [state] = summarise([entry('a', 2, 1)], [event('a', 1, true)]);
    expect(state).toMatchObject({ valid: true, needsReconsent: false, currentVersion: 2 });
  });

  it('treats a grant older than the latest re-consent version as missing', () => {
    const [state] = summarise([entry('a', 3, 2)], [event('a', 1, true)]);
    expect(state).toMatchObject({ granted: true, valid: false, needsReconsent: true });
    const [again] = summarise([entry('a', 3, 2)], [event('a', 1, true), event('a', 2, true)]);
    expect(again).toMatchObject({ valid: true, needsReconsent: false, version: 2 });
  });

  it('keeps purposes apart', () => {
    const states = summarise([entry('a', 1), entry('b', 1)], [event('b', 1, true)]);
    expect(states.map((s) => [s.purpose, s.valid])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });
});
