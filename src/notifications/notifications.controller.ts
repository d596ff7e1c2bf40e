import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { ApiProblems } from '../common/openapi';
import { MyNotificationsQuery, NotificationsQuery } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';
import {
  MyNotificationPageView,
  NotificationAdminPageView,
  NotificationAdminView,
} from './notification.view';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** What was sent (or is planned) to me, newest first, with its delivery status. */
  @Get('me/notifications')
  mine(
    @CurrentActor() actor: Actor,
    @Query() query: MyNotificationsQuery,
  ): Promise<MyNotificationPageView> {
    return this.notifications.mine(actor, query);
  }

  /** Coordinators: notifications by status, e.g. `?status=failed`, without numbers or texts. */
  @Roles(Role.Coordinator)
  @Get('notifications')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationsQuery,
  ): Promise<NotificationAdminPageView> {
    return this.notifications.list(actor, query);
  }

  /**
   * Coordinators: send a failed text again (back to pending, through the outbox); 409
   * `not-retryable` when it has not failed or the person may not be texted (no number, no SMS
   * consent, STOP). Audited.
   */
  @Roles(Role.Coordinator)
  @ApiProblems(409)
  @Post('notifications/:id/retry')
  @HttpCode(200)
  retry(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<NotificationAdminView> {
    return this.notifications.retry(actor, id);
  }
}
