import { ConsentChannel } from './consent-purpose';

/** A purpose as the catalog shows it now: its current text and from which version consent counts. */
export interface PurposeCatalogEntry {
  purpose: string;
  currentVersion: number;
  title: string;
  text: string;
  /** The current version asks everyone to consent again. */
  requiresReconsent: boolean;
  /** Consent given to a version older than this no longer counts (the latest re-consent version). */
  minimumValidVersion: number;
  publishedAt: Date;
}

/** One ledger event as its subject sees it. */
export interface ConsentHistoryItem {
  id: string;
  purpose: string;
  version: number;
  granted: boolean;
  channel: ConsentChannel;
  recordedBy: string | null;
  at: Date;
}

export interface PurposeState {
  purpose: string;
  title: string;
  /** The latest event was a grant. */
  granted: boolean;
  /** Version of the latest event; null when never asked. */
  version: number | null;
  at: Date | null;
  channel: ConsentChannel | null;
  /** Granted, and to a version that still counts: what the gates (`hasConsent`) answer. */
  valid: boolean;
  currentVersion: number;
  /** Granted once, but the text changed in a way that needs fresh consent. */
  needsReconsent: boolean;
}

/**
 * Current state per purpose from the ledger (in ledger order): the latest event decides, and a grant
 * counts only if its version is at least the purpose's minimum valid version. The same rule as
 * `ConsentService.hasConsent`, which answers it in SQL for the gates.
 */
export function summarise(
  catalog: PurposeCatalogEntry[],
  history: ConsentHistoryItem[],
): PurposeState[] {
  const latest = new Map<string, ConsentHistoryItem>();
  for (const event of history) latest.set(event.purpose, event);
  return catalog.map((entry) => {
    const event = latest.get(entry.purpose);
    const granted = event?.granted ?? false;
    const valid = granted && (event?.version ?? 0) >= entry.minimumValidVersion;
    return {
      purpose: entry.purpose,
      title: entry.title,
      granted,
      version: event?.version ?? null,
      at: event?.at ?? null,
      channel: event?.channel ?? null,
      valid,
      currentVersion: entry.currentVersion,
      needsReconsent: granted && !valid,
    };
  });
}
