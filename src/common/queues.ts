/** Bull queue names. Job names and their payloads are declared beside each processor. */
export enum QueueName {
  Maintenance = 'maintenance',
  Notifications = 'notifications',
}
