import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

const TWILIO_API = /^https:\/\/api\.twilio\.com(?=\/|$)/;

/**
 * The Twilio SDK always calls https://api.twilio.com (it has no base-URL setting), so for staging
 * and tests this HTTP client, passed as the SDK's `httpClient`, sends the same requests elsewhere.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.baseUrl = baseUrl.replace(/\/$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_API, this.baseUrl) });
  }
}
