export class ReceiptControllerView {
  piiController!: string;
  contact!: string;
  email!: string;
}

export class ReceiptPurposeView {
  /** The plain-English title the person was shown. */
  purpose!: string;
  purposeId!: string;
  version!: number;
  /** true: agreed; false: withdrawn. */
  granted!: boolean;
  consentType!: 'EXPLICIT';
  purposeCategory!: string[];
  piiCategory!: string[];
  primaryPurpose!: boolean;
  termination!: string;
  thirdPartyDisclosure!: boolean;
}

export class ReceiptServiceView {
  service!: string;
  purposes!: ReceiptPurposeView[];
}

/**
 * A consent receipt after the Kantara Initiative Consent Receipt Specification v1.1: what was agreed
 * (or withdrawn), with whom, when and how, for the person to keep.
 */
export class ConsentReceiptView {
  version!: 'KI-CR-v1.1.0';
  jurisdiction!: string;
  /** Seconds since the epoch, as the specification has it. */
  consentTimestamp!: number;
  /** The same instant, ISO 8601 UTC. */
  consentAt!: string;
  collectionMethod!: string;
  /** The id of the ledger event. */
  consentReceiptID!: string;
  language!: 'en';
  /** The pseudonymous account id: the receipt carries no name or email. */
  piiPrincipalId!: string;
  piiControllers!: ReceiptControllerView[];
  policyUrl!: string;
  services!: ReceiptServiceView[];
  /** Wellbeing support implies data concerning health (GDPR Art. 9). */
  sensitive!: boolean;
  spiCat!: string[];
}
