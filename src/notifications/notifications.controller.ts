import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '../common/auth.decorators';
import { MyNotificationsQuery, NotificationsQuery } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';
import { MyNotificationPageView, NotificationAdminPageView } from './notification.view';

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
}
