import { IsEnum, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsIanaZone } from '../../common/validators';
import { NotificationStatus } from '../notification-status';

export class MyNotificationsQuery extends PageQuery {
  @IsOptional()
  @IsEnum(NotificationStatus)
  status?: NotificationStatus;

  /** IANA zone for the local times; defaults to your own. */
  @IsOptional()
  @IsIanaZone()
  tz?: string;
}

export class NotificationsQuery extends PageQuery {
  /** e.g. `failed`: what coordinators must look at. */
  @IsOptional()
  @IsEnum(NotificationStatus)
  status?: NotificationStatus;
}
