import { InboundMessage } from './inbound-message.entity';
import { BullModule } from '@nestjs/bull';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckinsModule } from '../checkins/checkins.module';
import { QueueName } from '../common/queues';
import { ConsentModule } from '../consent/consent.module';
import { IdentityModule } from '../identity/identity.module';
import { SafeguardingModule } from '../safeguarding/safeguarding.module';
import { SessionsModule } from '../sessions/sessions.module';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { RepliesService } from './replies.service';
import { LinksModule } from '../links/links.module';
import { DeliveryService } from './delivery.service';
import { MessageRenderer } from './message-renderer.service';
import { Notification } from './notification.entity';
import { NotificationQueue } from './notification-queue.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { OutboxCommitHook } from './outbox-commit-hook.service';
import { OutboxWriter } from './outbox-writer.service';
import { AccountNotificationsListener } from './account-notifications.listener';
import { AlertNotificationsListener } from './alert-notifications.listener';
import { CallNotificationsListener } from './call-notifications.listener';
import { PhoneCodeListener } from './phone-code.listener';
import { SessionNotificationsListener } from './session-notifications.listener';
import { CoordinatorTokenMiddleware, QueueDashboard } from './queue-dashboard';
import { mailSenderProvider } from './mail-sender.factory';
import { smsSenderProvider } from './sms-sender.factory';
import { SmsOptOut } from './sms-opt-out.entity';
import { SweeperService } from './sweeper.service';
import { TwilioWebhooksController } from './twilio-webhooks.controller';
import { TwilioWebhooksService } from './twilio-webhooks.service';
import { TextPreference } from './text-preference.entity';
import { MessagePreference } from './message-preference.entity';
import { MessagePreferencesController } from './message-preferences.controller';
import { MessagePreferencesRepository } from './message-preferences.repository';
import { MessagePreferencesService } from './message-preferences.service';
import { TextPreferenceController } from './text-preference.controller';
import { TextPreferenceService } from './text-preference.service';

/**
 * Reminders and SMS: the outbox, the event subscribers that fill it, the webhooks, the reads,
 * and the queue dashboard. Delivery itself runs where NotificationsWorkerModule is loaded.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Notification,
      SmsOptOut,
      InboundMessage,
      TextPreference,
      MessagePreference,
    ]),
    BullModule.registerQueue({ name: QueueName.Notifications }),
    IdentityModule,
    ConsentModule,
    // Replies by text act through these modules' exported services; none of them imports this one.
    CheckinsModule,
    SessionsModule,
    SafeguardingModule,
    LinksModule,
  ],
  controllers: [
    NotificationsController,
    TwilioWebhooksController,
    TextPreferenceController,
    MessagePreferencesController,
  ],
  providers: [
    NotificationsRepository,
    NotificationQueue,
    OutboxCommitHook,
    OutboxWriter,
    SessionNotificationsListener,
    CallNotificationsListener,
    AlertNotificationsListener,
    AccountNotificationsListener,
    PhoneCodeListener,
    NotificationsService,
    TwilioWebhooksService,
    InboundMessagesRepository,
    RepliesService,
    TextPreferenceService,
    MessagePreferencesRepository,
    MessagePreferencesService,
    MessageRenderer,
    DeliveryService,
    SweeperService,
    smsSenderProvider,
    mailSenderProvider,
    QueueDashboard,
    CoordinatorTokenMiddleware,
  ],
  exports: [DeliveryService, SweeperService, NotificationQueue, BullModule],
})
export class NotificationsModule implements NestModule {
  constructor(private readonly dashboard: QueueDashboard) {}

  configure(consumer: MiddlewareConsumer): void {
    this.dashboard.mount(consumer);
  }
}
