/** A code is on its way. */
export class PhoneCodeRequestView {
  /** The number it goes to, as written in its country (07911 123456). */
  sentTo!: string;
  /** How long the code works once it arrives. */
  minutesValid!: number;
  /** Codes the person may still ask for this hour. */
  codesLeft!: number;
}
