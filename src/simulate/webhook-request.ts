import { JsonObject } from '../lint/util/walk';
import { isValidJson } from './go/json-text';
import { SimulatedEvent } from './types';

/** What an HTTP source makes of a request: the event data, or why the server answered an error. */
export type RequestOutcome =
  | { readonly data: string; readonly warnings: string[] }
  | { readonly rejected: string; readonly warnings: string[] };

const DEFAULT_MAX_PAYLOAD = 1048576;

/** Go's textproto.CanonicalMIMEHeaderKey: `x-vendor-id` -> `X-Vendor-Id`. */
export function canonicalHeader(name: string): string {
  if (!/^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/.test(name)) return name;
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash, c) => dash + c.toUpperCase());
}

/** Request headers as Go's http.Header: canonical keys, lists of values. */
export function headerMap(headers: SimulatedEvent['headers']): { [name: string]: string[] } {
  const out: { [name: string]: string[] } = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = canonicalHeader(name);
    out[key] = [...(out[key] ?? []), ...(typeof value === 'string' ? [value] : value)];
  }
  return out;
}

/** The request body as bytes: a string is sent as is, any other value as JSON. */
export function bodyText(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** Go's json.Marshal of a map: keys sorted, compact. */
export function marshalSorted(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v as object).sort().map(k => [k, sort((v as { [k: string]: unknown })[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value)).replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A json.RawMessage as encoding/json marshals it: compacted (insignificant whitespace dropped,
 * keys left in their order) with HTML characters escaped.
 */
function compactRaw(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    out += c;
  }
  return out.replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A request to a webhook endpoint as pkg/eventsources/sources/webhook (and common/webhook)
 * handles it: method check, bearer token check, Authorization masked, body read by method and
 * Content-Type (GET: the query; form: the form fields; otherwise the bytes, which must be
 * JSON), then `{"header":..., "body":..., "metadata":...}`.
 */
export function webhookRequest(endpoint: JsonObject, input: SimulatedEvent): RequestOutcome {
  const warnings: string[] = [];
  const expected = typeof endpoint.method === 'string' && endpoint.method ? endpoint.method : 'POST';
  const method = (input.method ?? expected).toUpperCase();
  if (method !== expected) {
    return { rejected: `the endpoint accepts ${expected} only: the server answers 400 "http method does not match" and publishes no event`, warnings };
  }
  const header = headerMap(input.headers);
  if (endpoint.authSecret) {
    const auth = header.Authorization?.[0] ?? '';
    if (!auth.startsWith('Bearer ')) {
      return { rejected: 'the endpoint has an authSecret and the request has no "Authorization: Bearer <token>" header: the server answers 401 and publishes no event', warnings };
    }
    warnings.push('the bearer token is not checked against the Secret (not among the manifests\' data): the simulation assumes it is right');
  }
  if (header.Authorization) header.Authorization = ['*** Masked Auth Secret ***'];
  let body: string;
  if (method === 'GET') {
    if (input.body !== undefined) warnings.push('a GET request\'s body is ignored: the event body is the query parameters');
    body = marshalSorted(Object.fromEntries(Object.entries(input.query ?? {}).map(([k, v]) => [k, typeof v === 'string' ? [v] : [...v]])));
  } else if (method === 'POST') {
    const text = bodyText(input.body);
    const contentType = header['Content-Type']?.[0] ?? '';
    if (contentType === 'application/x-www-form-urlencoded') {
      const form: { [k: string]: string[] } = {};
      for (const [k, v] of new URLSearchParams(text ?? '')) form[k] = [...(form[k] ?? []), v];
      body = marshalSorted(form);
      warnings.push('Content-Type is application/x-www-form-urlencoded (curl -d sends it unless told otherwise): the body becomes a map of form fields, not JSON');
    } else {
      if (text === undefined || text === '') {
        return { rejected: 'the request has no body: Argo Events cannot marshal an empty JSON body, answers 400 and publishes no event. Send a JSON body (at least {})', warnings };
      }
      const limit = typeof endpoint.maxPayloadSize === 'number' ? endpoint.maxPayloadSize : DEFAULT_MAX_PAYLOAD;
      if (Buffer.byteLength(text, 'utf8') > limit) {
        return { rejected: `the body is larger than maxPayloadSize (${limit} bytes): the server answers 400 "request body too large"`, warnings };
      }
      if (!isValidJson(text)) {
        return { rejected: 'the body is not JSON: the webhook event source wraps the raw body in its JSON payload, fails to marshal it, answers 400 and publishes no event', warnings };
      }
      body = compactRaw(text);
    }
  } else {
    return { rejected: `the webhook event source reads bodies of GET and POST requests only: a ${method} request gets 400 "unsupoorted method" and publishes no event`, warnings };
  }
  const metadata = endpoint.metadata && typeof endpoint.metadata === 'object' && Object.keys(endpoint.metadata).length ? endpoint.metadata : undefined;
  const data = `{"header":${marshalSorted(header)},"body":${body}${metadata ? `,"metadata":${marshalSorted(metadata)}` : ''}}`;
  return { data, warnings };
}
