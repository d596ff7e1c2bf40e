/** Bull queue names, one per module that runs jobs. Job names and payloads sit beside each processor. */
export enum QueueName {
  Vetting = 'vetting',
  Checkins = 'checkins',
  Notifications = 'notifications',
}
