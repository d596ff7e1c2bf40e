import { Module } from '@nestjs/common';
import { NotificationsModule } from './notifications.module';
import { NotificationsProcessor } from './notifications.processor';

/** Delivery and the sweeper: loaded only in processes with the worker role. */
@Module({
  imports: [NotificationsModule],
  providers: [NotificationsProcessor],
})
export class NotificationsWorkerModule {}
