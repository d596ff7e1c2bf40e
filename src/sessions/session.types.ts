export enum SessionStatus {
  Booked = 'booked',
  Completed = 'completed',
  NoShow = 'no_show',
  Cancelled = 'cancelled',
}

export const MODALITIES = ['video', 'phone', 'in_person'] as const;
export type Modality = (typeof MODALITIES)[number];
