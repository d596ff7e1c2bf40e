export enum ConcernCategory {
  /** Behaviour of a volunteer, therapist or buddy. */
  VolunteerBehaviour = 'volunteer_behaviour',
  /** Risk to a child or young person. */
  ChildAtRisk = 'child_at_risk',
  /** Risk to the volunteer's own wellbeing. */
  VolunteerWellbeing = 'volunteer_wellbeing',
  PossibleCrime = 'possible_crime',
  Other = 'other',
}

/** `urgent` alerts the on-call coordinators at once (the notifications module listens). */
export enum ConcernUrgency {
  Low = 'low',
  Medium = 'medium',
  High = 'high',
  Urgent = 'urgent',
}

export enum ConcernStatus {
  Open = 'open',
  Triaged = 'triaged',
  /** Passed to an organisation or authority (named in the history). */
  Referred = 'referred',
  Closed = 'closed',
}

export enum ConcernSource {
  /** Someone filled in the form. */
  Report = 'report',
  /** A buddy logged a check-in call with wellbeing `concern`. */
  Checkin = 'checkin',
}

export enum ConcernEntryKind {
  Raised = 'raised',
  Status = 'status',
  Note = 'note',
}
