import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '../../config/configuration';
import { EmailTokenPurpose } from '../identity/email-token.entity';
import { ACCOUNT_LINKS, ACCOUNT_PAGES } from './account-mail-templates';

import { batcher } from '../common/batcher';
import { AccountView, IdentityService } from '../identity/identity.service';
import { firstName } from '../common/first-name';
import { LinksService } from '../links/links.service';
import { SessionsService } from '../sessions/sessions.service';
import { MailContext, RenderedMail, renderMail } from './mail-templates';
import {
  isCleanForText,
  NotificationTemplate,
  Person,
  renderSms,
  whatsappVariables,
} from './notification-templates';

/** The session reminder that carries the video link: the one an hour (or less) before. */
const LAST_REMINDER_MINUTES = 60;

const instant = (iso: string | undefined) => (iso ? new Date(iso) : undefined);

/** Texts about a session or call that is still ahead: each carries a signed link for its reader. */
const LINKED: Partial<Record<NotificationTemplate, 'session' | 'checkin'>> = {
  [NotificationTemplate.SessionConfirmation]: 'session',
  [NotificationTemplate.SessionReminder]: 'session',
  [NotificationTemplate.SessionRescheduled]: 'session',
  [NotificationTemplate.CallReminderBuddy]: 'checkin',
  [NotificationTemplate.CallReminderVolunteer]: 'checkin',
  [NotificationTemplate.CallMoved]: 'checkin',
};

/**
 * Renders a row's text at send time from current data: today's names and zones, the instants
 * the row carries. The row holds ids only, so a renamed person or a moved zone is respected.
 */
@Injectable()
export class MessageRenderer {
  private readonly logger = new Logger(MessageRenderer.name);

  constructor(
    private readonly identity: IdentityService,
    private readonly links: LinksService,
    private readonly sessions: SessionsService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /**
   * The recipient (null if gone) and the other person a text about them names: one read for
   * every text being sent at the moment.
   */
  people(
    recipientId: string,
    otherId: string | undefined,
  ): Promise<{ recipient: AccountView | null; other: AccountView | null }> {
    return this.peopleOf({ recipientId, otherId });
  }

  private readonly peopleOf = batcher<
    { recipientId: string; otherId: string | undefined },
    { recipient: AccountView | null; other: AccountView | null }
  >(async (keys) => {
    const ids = keys.flatMap((k) => (k.otherId ? [k.recipientId, k.otherId] : [k.recipientId]));
    const found = await this.identity.getMany([...new Set(ids)]);
    return keys.map(({ recipientId, otherId }) => ({
      recipient: found.get(recipientId) ?? null,
      other: otherId ? (found.get(otherId) ?? null) : null,
    }));
  });

  /**
   * The text, and the values of its WhatsApp template's placeholders, for `recipient` about
   * `other` (both from `people`).
   */
  async render(
    recipient: AccountView,
    other: AccountView | null,
    template: NotificationTemplate,
    payload: Record<string, string>,
  ): Promise<{ body: string; variables: Record<string, string>; secret?: string }> {
    const context = await this.context(recipient, other, template, payload);
    return {
      body: renderSms(template, context),
      variables: whatsappVariables(template, context),
      ...(context.code ? { secret: context.code } : {}),
    };
  }

  /** The mail (subject, text, HTML, and the text as the row may keep it) for the same row. */
  async renderMail(
    recipient: AccountView,
    other: AccountView | null,
    template: NotificationTemplate,
    payload: Record<string, string>,
  ): Promise<RenderedMail> {
    const context = await this.context(recipient, other, template, payload);
    return renderMail(template, {
      ...context,
      extra: await this.accountExtra(recipient, template),
    });
  }

  /** Where an account mail with a link of its own goes (DeliveryService.mailAddress). */
  linkAddress(recipientId: string, purpose: EmailTokenPurpose): Promise<string | null> {
    return this.identity.emailLinkAddress(recipientId, purpose);
  }

  /**
   * An account mail's link, minted now: the raw token exists only in this mail (the row keeps
   * `[removed]`). A mail whose link can no longer be made (confirmed meanwhile, change withdrawn)
   * fails to render rather than go without it.
   */
  private async accountExtra(
    recipient: AccountView,
    template: NotificationTemplate,
  ): Promise<Record<string, string> | undefined> {
    const page = ACCOUNT_PAGES[template];
    if (page) return { url: `${this.app.publicBaseUrl}${page}` };
    const link = ACCOUNT_LINKS[template];
    if (!link) return undefined;
    const minted = await this.identity.mintEmailLink(recipient.id, link.purpose);
    if (!minted) throw new Error('No link can be made for this mail any more');
    return {
      token: minted.token,
      url: `${this.app.publicBaseUrl}${link.page}#token=${minted.token}`,
      minutes: String(minted.minutes),
    };
  }

  /** What every template may need, from current data and the row's payload. */
  private async context(
    recipient: AccountView,
    other: AccountView | null,
    template: NotificationTemplate,
    payload: Record<string, string>,
  ): Promise<MailContext> {
    const code = await this.code(template, payload);
    return {
      recipient: person(recipient),
      other: other ? person(other) : null,
      startsAt: instant(payload.startsAt),
      previousStartsAt: instant(payload.previousStartsAt),
      channel: payload.channel === 'skype' ? 'skype' : payload.channel ? 'phone' : undefined,
      reference: (payload.concernId ?? payload.pairingId ?? payload.userId)?.slice(0, 8),
      expiresOn: payload.expiresOn,
      link: await this.link(recipient, template, payload),
      join: await this.join(template, payload),
      ...(payload.cancelledBy
        ? { cancelledBy: payload.cancelledBy === recipient.id ? 'me' : 'other' }
        : {}),
      code,
    };
  }

  /**
   * A phone code is drawn now, as its text goes, so it exists only in the text (the row keeps the
   * text with the code removed). None to draw (used, or the number is gone): the text cannot go.
   */
  private async code(
    template: NotificationTemplate,
    payload: Record<string, string>,
  ): Promise<string | undefined> {
    if (template !== NotificationTemplate.PhoneCode) return undefined;
    const code = await this.identity.mintPhoneCode(payload.phoneCodeId);
    if (!code) throw new Error('No phone code to send');
    return code;
  }

  /**
   * The video link, in the session reminder sent an hour or less before it starts; read at send
   * time, so a link the therapist changed since booking is the one sent. Left out when it holds a
   * word texts never carry (the signed link then leads to the page that shows it).
   */
  private async join(
    template: NotificationTemplate,
    payload: Record<string, string>,
  ): Promise<string | undefined> {
    if (template !== NotificationTemplate.SessionReminder || !payload.sessionId) return undefined;
    if (!(Number(payload.offsetMinutes) <= LAST_REMINDER_MINUTES)) return undefined;
    const url = await this.sessions.videoLink(payload.sessionId);
    return url && isCleanForText(url) ? url : undefined;
  }

  /**
   * Minted at send time, so it names the event's current version; none once it cannot change.
   * A link that cannot be made never costs the text: it goes without one.
   */
  private async link(
    recipient: AccountView,
    template: NotificationTemplate,
    payload: Record<string, string>,
  ): Promise<string | undefined> {
    const kind = LINKED[template];
    const objectId = kind === 'session' ? payload.sessionId : payload.checkinId;
    if (!kind || !objectId) return undefined;
    try {
      const { id, role, timezone } = recipient;
      return (await this.links.linkFor(kind, objectId, { id, role, timezone })) ?? undefined;
    } catch (error) {
      this.logger.warn({ kind, objectId, err: (error as Error).message }, 'Text sent without link');
      return undefined;
    }
  }
}

const person = (a: AccountView): Person => ({
  firstName: firstName(a.name),
  zone: a.timezone,
  role: a.role,
});
