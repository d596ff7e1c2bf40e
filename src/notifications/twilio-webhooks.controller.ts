import { Body, Controller, Header, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiForbiddenResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import twilio from 'twilio';
import { Public } from '../common/auth.decorators';
import { DomainError } from '../common/domain-error';
import { parseSender } from './replies';
import { RepliesService } from './replies.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { TwilioWebhooksService } from './twilio-webhooks.service';

type TwilioForm = Record<string, unknown>;

const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/i;

class BadWebhookError extends DomainError {
  constructor(field: string) {
    super(HttpStatus.BAD_REQUEST, 'bad-webhook', 'Bad Request', `Missing or malformed ${field}.`);
  }
}

function field(form: TwilioForm, name: string, valid: (v: string) => boolean): string {
  const value = form[name];
  if (typeof value !== 'string' || !valid(value)) throw new BadWebhookError(name);
  return value;
}

/**
 * Twilio's callbacks. Public (Twilio has no token of ours) but authenticated by signature.
 * Bodies are Twilio's form fields, many and changing, so they are read field by field here rather
 * than through a DTO that would refuse the unknown ones.
 */
@ApiTags('notifications')
@ApiConsumes('application/x-www-form-urlencoded')
@ApiForbiddenResponse({ description: 'X-Twilio-Signature missing or wrong' })
@Controller('v1/webhooks/twilio')
@UseGuards(TwilioSignatureGuard)
export class TwilioWebhooksController {
  constructor(
    private readonly webhooks: TwilioWebhooksService,
    private readonly replies: RepliesService,
  ) {}

  /** Delivery status of a text we sent (MessageSid, MessageStatus, ErrorCode). Idempotent. */
  @Public()
  @Post('status')
  @HttpCode(204)
  @ApiBody({
    schema: {
      type: 'object',
      required: ['MessageSid', 'MessageStatus'],
      properties: {
        MessageSid: { type: 'string' },
        MessageStatus: { type: 'string' },
        ErrorCode: { type: 'string' },
      },
    },
  })
  async status(@Body() form: TwilioForm): Promise<void> {
    const sid = field(form, 'MessageSid', (v) => MESSAGE_SID.test(v));
    const status = field(form, 'MessageStatus', (v) => /^[a-z_]{1,32}$/.test(v));
    const errorCode = typeof form.ErrorCode === 'string' ? form.ErrorCode : undefined;
    await this.webhooks.statusReport(sid, status, errorCode);
  }

  /**
   * A text sent to our number (`From` +E164) or our WhatsApp number (`From` whatsapp:+E164), once
   * per MessageSid: STOP / START change that channel's consent, HELP gets help, and an answer to
   * one of our texts acts on it (README, "Replies by text"). Answers with TwiML: a short
   * confirmation, HELP, or nothing.
   */
  @Public()
  @Post('inbound')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiProduces('text/xml')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['MessageSid', 'From'],
      properties: {
        MessageSid: { type: 'string' },
        From: { type: 'string', description: '+E164, or whatsapp:+E164' },
        Body: { type: 'string' },
      },
    },
  })
  async inbound(@Body() form: TwilioForm): Promise<string> {
    const messageSid = field(form, 'MessageSid', (v) => MESSAGE_SID.test(v));
    const sender = parseSender(form.From);
    if (!sender) throw new BadWebhookError('From');
    const result = await this.replies.receive({
      messageSid,
      ...sender,
      body: typeof form.Body === 'string' ? form.Body : '',
    });
    const reply = new twilio.twiml.MessagingResponse();
    if (result.message) reply.message(result.message);
    return reply.toString();
  }
}
