import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { consentConfig } from '../../config/configuration';
import { ConsentChannel } from './consent-purpose';
import { ConsentReceiptView } from './consent-receipt.view';

/** Who the receipt names as data controller (configuration `CONSENT_CONTROLLER_*`). */
export interface Controller {
  name: string;
  email: string;
  /** Where the purposes and their texts are published. */
  policyUrl: string;
}

export interface ReceiptEvent {
  id: string;
  subjectId: string;
  purpose: string;
  version: number;
  granted: boolean;
  channel: ConsentChannel;
  at: Date;
}

const COLLECTION_METHOD: Record<ConsentChannel, string> = {
  [ConsentChannel.Web]: 'Web form, signed in to the Volunteer Wellbeing Service',
  [ConsentChannel.Sms]: 'Text message reply',
  [ConsentChannel.WhatsApp]: 'WhatsApp message reply',
  [ConsentChannel.Coordinator]: 'Telephone call, recorded by a coordinator',
};

/** What each purpose touches; purposes added later say so here or get an empty list. */
const PII_CATEGORY: Record<string, string[]> = {
  data_processing: ['name', 'contact details', 'deployments', 'sessions and calls arranged'],
  share_with_therapist: ['name', 'phone number', 'session note'],
  share_with_buddy: ['name', 'phone number or Skype name', 'call times'],
  sms_reminders: ['phone number'],
  whatsapp_messages: ['phone number'],
};

const DISCLOSED = new Set(['share_with_therapist', 'share_with_buddy']);

export function buildReceipt(
  event: ReceiptEvent,
  title: string,
  controller: Controller,
): ConsentReceiptView {
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'GB',
    consentTimestamp: Math.floor(event.at.getTime() / 1000),
    consentAt: event.at.toISOString(),
    collectionMethod: COLLECTION_METHOD[event.channel],
    consentReceiptID: event.id,
    language: 'en',
    piiPrincipalId: event.subjectId,
    piiControllers: [
      { piiController: controller.name, contact: 'Data protection', email: controller.email },
    ],
    policyUrl: controller.policyUrl,
    services: [
      {
        service: 'Volunteer wellbeing support',
        purposes: [
          {
            purpose: title,
            purposeId: event.purpose,
            version: event.version,
            granted: event.granted,
            consentType: 'EXPLICIT',
            purposeCategory: ['Wellbeing support for returning volunteers'],
            piiCategory: PII_CATEGORY[event.purpose] ?? [],
            primaryPurpose: event.purpose === 'data_processing',
            termination:
              'Until withdrawn (POST /v1/me/consents with granted false, or ask a coordinator).',
            thirdPartyDisclosure: DISCLOSED.has(event.purpose),
          },
        ],
      },
    ],
    // Wellbeing support implies data concerning health (GDPR Art. 9).
    sensitive: true,
    spiCat: ['health'],
  };
}

/** Receipts naming the configured controller (`CONSENT_CONTROLLER_*`). */
@Injectable()
export class ConsentReceipts {
  constructor(
    @Inject(consentConfig.KEY) private readonly config: ConfigType<typeof consentConfig>,
  ) {}

  for(event: ReceiptEvent, title: string): ConsentReceiptView {
    return buildReceipt(event, title, {
      name: this.config.controllerName,
      email: this.config.controllerEmail,
      policyUrl: `${this.config.publicBaseUrl}/v1/consent/purposes`,
    });
  }
}
