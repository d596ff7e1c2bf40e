/** Bull queue names. Periodic work runs on `Periodic` (PostgreSQL), not on a queue. */
export enum QueueName {
  Notifications = 'notifications',
}
