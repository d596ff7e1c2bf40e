/**
 * The simulated charity, drawn from a seeded generator: 25 therapists, 40 buddies and 300
 * volunteers arriving over six months, some returning. Languages mostly English with French,
 * Arabic, Spanish and German speakers; zones mostly UK, then Greece and France, a few others.
 */
import { DateTime } from 'luxon';
import type { BuddyKind, WeeklyWindow } from './rankers';

export type Modality = 'video' | 'phone' | 'in_person';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(weighted: Array<[T, number]>): T => {
    const total = weighted.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of weighted) if ((r -= w) < 0) return v;
    return weighted[weighted.length - 1][0];
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const shuffle = <T>(xs: T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, pick, int, shuffle };
}
export type Rng = ReturnType<typeof generator>;

export interface Therapist {
  id: string;
  zone: string;
  languages: string[];
  modalities: Modality[];
  monthlyCapacity: number;
  /** Free-slot starts (epoch ms, hourly, sorted) over the whole horizon, and each one's month. */
  slots: number[];
  slotMonths: string[];
}

export interface Buddy {
  id: string;
  kind: BuddyKind;
  languages: string[];
  zone: string;
  maxActivePairings: number;
  windows: WeeklyWindow[];
}

export interface Volunteer {
  id: string;
  /** First language first: the ranker weighs the order. */
  languages: string[];
  zone: string;
  modality: Modality;
  /** When each of their session requests is made (the first on arrival; some return). */
  requests: number[];
  buddy: { preferredKind: BuddyKind | null; windows: WeeklyWindow[] } | null;
}

export interface World {
  start: number;
  end: number;
  therapists: Therapist[];
  buddies: Buddy[];
  volunteers: Volunteer[];
}

const DAY = 86_400_000;
const OTHER: Array<[string, number]> = [
  ['fr', 3],
  ['ar', 3],
  ['es', 2],
  ['de', 2],
];
/** An hour as minutes after local midnight (the weekly window's unit). */
const hh = (h: number) => h * 60;

function hourlySlots(windows: WeeklyWindow[], zone: string, from: number, to: number) {
  const slots: number[] = [];
  const months: string[] = [];
  for (
    let d = DateTime.fromMillis(from, { zone }).startOf('day');
    d.toMillis() < to;
    d = d.plus({ days: 1 })
  ) {
    for (const w of windows.filter((x) => x.weekday === d.weekday)) {
      for (let h = w.start / 60; h < w.end / 60; h++) {
        const at = d.set({ hour: h });
        slots.push(at.toMillis());
        months.push(at.toFormat('yyyy-MM'));
      }
    }
  }
  return { slots, slotMonths: months };
}

export function makeWorld(seed: number, start = Date.UTC(2027, 0, 4)): World {
  const rng = generator(seed);
  const end = start + 182 * DAY;
  const horizon = end + 60 * DAY;

  const therapistLanguages = [
    ...Array<string[]>(13).fill(['en']),
    ...Array<string[]>(4).fill(['en', 'fr']),
    ...Array<string[]>(3).fill(['en', 'ar']),
    ...Array<string[]>(3).fill(['en', 'es']),
    ...Array<string[]>(2).fill(['en', 'de']),
  ];
  const therapistZones = [
    ...Array<string>(15).fill('Europe/London'),
    ...Array<string>(4).fill('Europe/Athens'),
    ...Array<string>(4).fill('Europe/Paris'),
    'Europe/Berlin',
    'Europe/Madrid',
  ];
  const zones = rng.shuffle(therapistZones);
  const therapists: Therapist[] = therapistLanguages.map((languages, i) => {
    const days = rng.shuffle([1, 2, 3, 4, 5, 6]).slice(0, rng.int(2, 4));
    const windows = days.map((weekday) =>
      rng.pick<WeeklyWindow>([
        [{ weekday, start: hh(9), end: hh(12) }, 3],
        [{ weekday, start: hh(13), end: hh(17) }, 3],
        [{ weekday, start: hh(18), end: hh(20) }, 2],
      ]),
    );
    const zone = zones[i];
    return {
      id: `t${String(i).padStart(2, '0')}`,
      zone,
      languages,
      modalities: [
        'video',
        ...(rng.next() < 0.6 ? (['phone'] as const) : []),
        ...(rng.next() < 0.3 ? (['in_person'] as const) : []),
      ],
      monthlyCapacity: rng.int(2, 6),
      ...hourlySlots(windows, zone, start, horizon),
    };
  });

  const speaker = () => {
    const first = rng.pick<string>([['en', 12], ...OTHER]);
    if (first === 'en') return rng.next() < 0.2 ? ['en', rng.pick(OTHER)] : ['en'];
    return rng.next() < 0.8 ? [first, 'en'] : [first];
  };
  const zone = () =>
    rng.pick<string>([
      ['Europe/London', 65],
      ['Europe/Athens', 15],
      ['Europe/Paris', 10],
      ['Europe/Berlin', 4],
      ['Europe/Madrid', 3],
      ['Asia/Amman', 3],
    ]);
  const evenings = (): WeeklyWindow[] =>
    rng
      .shuffle([1, 2, 3, 4, 5, 6, 7])
      .slice(0, rng.int(2, 4))
      .map((weekday) => {
        const from = rng.int(8, 19);
        return { weekday, start: hh(from), end: hh(from + rng.int(2, 4)) };
      });

  const buddies: Buddy[] = Array.from({ length: 40 }, (_, i) => ({
    id: `b${String(i).padStart(2, '0')}`,
    kind: rng.next() < 0.5 ? 'therapist' : 'humanitarian',
    languages: speaker(),
    zone: zone(),
    maxActivePairings: rng.int(1, 4),
    windows: evenings(),
  }));

  const volunteers: Volunteer[] = Array.from({ length: 300 }, (_, i) => {
    const arrival = start + Math.floor(rng.next() * 182 * DAY);
    const requests = [arrival];
    if (rng.next() < 0.25) {
      const again = arrival + rng.int(60, 150) * DAY;
      if (again < end) requests.push(again);
    }
    return {
      id: `v${String(i).padStart(3, '0')}`,
      languages: speaker(),
      zone: zone(),
      modality: rng.pick<Modality>([
        ['video', 70],
        ['phone', 25],
        ['in_person', 5],
      ]),
      requests,
      buddy:
        rng.next() < 0.7
          ? {
              preferredKind: rng.pick<BuddyKind | null>([
                [null, 2],
                ['therapist', 1],
                ['humanitarian', 1],
              ]),
              windows: evenings(),
            }
          : null,
    };
  });
  return { start, end, therapists, buddies, volunteers };
}
