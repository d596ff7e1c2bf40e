/** An RFC 9457 problem+json body, as the API answers every error. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  [key: string]: unknown;
}
