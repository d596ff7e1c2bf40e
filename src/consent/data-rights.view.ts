import { ConsentOverviewView } from './consent.view';

export class ExportedAccountView {
  id!: string;
  email!: string | null;
  role!: string;
  name!: string;
  phone!: string | null;
  timezone!: string;
  createdAt!: Date;
}

/** Everything the service holds about me (GDPR Art. 15 and 20), as one JSON document. */
export class PersonalDataExportView {
  exportedAt!: Date;
  account!: ExportedAccountView;
  consents!: ConsentOverviewView;
  /** Each module's part by name (profile, sessions, pairings, concerns I reported, ...). */
  parts!: Record<string, unknown>;
}

export class ErasureRecordView {
  id!: string;
  /** The erased account's id, now a pseudonym. */
  subjectId!: string;
  requestedBy!: string;
  /** The personal-data parts that ran. */
  parts!: string[];
  at!: Date;
}

export class ErasurePageView {
  items!: ErasureRecordView[];
  nextCursor!: string | null;
}
