import { Injectable } from '@nestjs/common';

import { AccountView, IdentityService } from '../identity/identity.service';
import {
  firstName,
  NotificationTemplate,
  Person,
  RenderContext,
  renderSms,
  whatsappVariables,
} from './notification-templates';

const instant = (iso: string | undefined) => (iso ? new Date(iso) : undefined);

/**
 * Renders a row's text at send time from current data: today's names and zones, the instants
 * the row carries. The row holds ids only, so a renamed person or a moved zone is respected.
 */
@Injectable()
export class MessageRenderer {
  constructor(private readonly identity: IdentityService) {}

  /** The recipient, or null if they are gone. */
  recipient(id: string): Promise<AccountView | null> {
    return this.identity.find(id);
  }

  async render(
    recipient: AccountView,
    template: NotificationTemplate,
    payload: Record<string, string>,
  ): Promise<string> {
    return renderSms(template, await this.context(recipient, payload));
  }

  /** The text and the values of its WhatsApp template's placeholders, from one read of the data. */
  async renderWithVariables(
    recipient: AccountView,
    template: NotificationTemplate,
    payload: Record<string, string>,
  ): Promise<{ body: string; variables: Record<string, string> }> {
    const context = await this.context(recipient, payload);
    return {
      body: renderSms(template, context),
      variables: whatsappVariables(template, context),
    };
  }

  private async context(
    recipient: AccountView,
    payload: Record<string, string>,
  ): Promise<RenderContext> {
    const other = payload.otherId ? await this.recipient(payload.otherId) : null;
    return {
      recipient: person(recipient),
      other: other ? person(other) : null,
      startsAt: instant(payload.startsAt),
      previousStartsAt: instant(payload.previousStartsAt),
      channel: payload.channel === 'skype' ? 'skype' : payload.channel ? 'phone' : undefined,
      reference: (payload.concernId ?? payload.pairingId ?? payload.userId)?.slice(0, 8),
      expiresOn: payload.expiresOn,
    };
  }
}

const person = (a: AccountView): Person => ({ firstName: firstName(a.name), zone: a.timezone });
