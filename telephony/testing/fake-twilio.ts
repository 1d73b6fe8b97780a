import type { TwilioHttpClient } from "../sdk";

/**
 * A local fake of the parts of Twilio's REST API Switchboard uses, plugged in as the SDK's HTTP
 * client: the SDK builds real requests (URL, method, Basic credentials, form fields) and the fake
 * answers them as Twilio documents, recording each so tests can assert what the SDK sent.
 */

export interface RecordedRequest {
  method: string;
  url: string;
  username?: string;
  password?: string;
  params: Record<string, unknown>;
  data: Record<string, unknown>;
}

export interface FakeNumber {
  sid: string;
  phone_number: string;
  friendly_name: string;
  voice_url: string | null;
  voice_method: string;
  status_callback: string | null;
  status_callback_method: string;
}

const API = "https://api.twilio.com/2010-04-01";

export function fakeTwilio(account: { sid: string; token: string; friendlyName: string; numbers?: string[] }) {
  const requests: RecordedRequest[] = [];
  const numbers: FakeNumber[] = (account.numbers ?? []).map((n, i) => ({
    sid: `PN${String(i + 1).padStart(32, "0")}`,
    phone_number: n,
    friendly_name: n.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3"),
    voice_url: null,
    voice_method: "POST",
    status_callback: null,
    status_callback_method: "POST",
  }));
  // Twilio answers JSON text; the SDK parses it whatever type the call site expects.
  const json = (statusCode: number, body: unknown) => ({ statusCode, body: JSON.stringify(body), headers: {} });
  const error = (status: number, code: number, message: string) =>
    json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

  const client: TwilioHttpClient = {
    async request(opts) {
      const url = new URL(opts.uri);
      const record: RecordedRequest = {
        method: String(opts.method).toUpperCase(),
        url: `${url.origin}${url.pathname}`,
        username: opts.username,
        password: opts.password,
        params: { ...(opts.params as Record<string, unknown> | undefined) },
        data: { ...(opts.data as Record<string, unknown> | undefined) },
      };
      requests.push(record);
      if (opts.username !== account.sid || opts.password !== account.token) return error(401, 20003, "Authenticate");
      const base = `${API}/Accounts/${account.sid}`;
      if (record.method === "GET" && record.url === `${base}.json`)
        return json(200, { sid: account.sid, friendly_name: account.friendlyName, status: "active", type: "Full" });
      if (record.method === "GET" && record.url === `${base}/IncomingPhoneNumbers.json`) {
        const wanted = record.params.PhoneNumber;
        const page = numbers.filter((n) => wanted === undefined || n.phone_number === wanted);
        return json(200, {
          incoming_phone_numbers: page.map((n) => ({ ...n, account_sid: account.sid })),
          page: 0,
          page_size: Number(record.params.PageSize ?? 50),
          next_page_uri: null,
          uri: `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers.json`,
        });
      }
      const update = record.url.match(/\/IncomingPhoneNumbers\/(PN[0-9a-f]{32})\.json$/);
      if (record.method === "POST" && update && record.url.startsWith(base)) {
        const n = numbers.find((x) => x.sid === update[1]);
        if (!n) return error(404, 20404, "The requested resource was not found");
        const d = record.data;
        if (typeof d.VoiceUrl === "string") n.voice_url = d.VoiceUrl;
        if (typeof d.VoiceMethod === "string") n.voice_method = d.VoiceMethod;
        if (typeof d.StatusCallback === "string") n.status_callback = d.StatusCallback;
        if (typeof d.StatusCallbackMethod === "string") n.status_callback_method = d.StatusCallbackMethod;
        return json(200, { ...n, account_sid: account.sid });
      }
      return error(404, 20404, "The requested resource was not found");
    },
  };
  return { client, requests, numbers };
}
