// The REST API client: the credential lives in sessionStorage only and travels in the Authorization header
// (the logs websocket: in an offered subprotocol, see docs/webui.md), never in a URL.

const KEY = 'bacalao.authorization';
const backend = (document.querySelector('meta[name="bacalao-backend"]')?.content || '').replace(/\/$/, '');

export class ApiError extends Error {
  constructor(status, message, hint) {
    super(message);
    this.status = status;
    this.hint = hint;
  }
}

export const auth = {
  get: () => sessionStorage.getItem(KEY),
  set: value => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
  apiKey: key => 'Bearer ' + key,
  basic: (user, password) => 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + password))),
};

/** Calls the API; resolves to the JSON body, rejects with ApiError (Bacalhau's error body's Message and Hint). */
export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  const credential = auth.get();
  if (credential) headers.Authorization = credential;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(backend + '/api/v1' + path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The API cannot be reached', String(e.message || e));
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!response.ok) {
    const message = json?.Message || json?.message || json?.error || text || response.statusText;
    const error = new ApiError(response.status, message, json?.Hint || json?.hint || json?.Details?.reason);
    if (response.status === 401) window.dispatchEvent(new CustomEvent('bacalao-unauthorized', { detail: error }));
    throw error;
  }
  return json;
}

/** Query string from an object, skipping empty values; arrays repeat the key. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Opens the logs websocket of a job. */
export function logsSocket(jobId, params) {
  const base = backend || location.origin;
  const url = base.replace(/^http/, 'ws') + '/api/v1/orchestrator/jobs/' + encodeURIComponent(jobId) + '/logs' + query(params);
  const protocols = ['bacalao.logs'];
  const credential = auth.get();
  if (credential) {
    const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(credential)));
    protocols.push('bacalao.auth.' + b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  }
  return new WebSocket(url, protocols);
}

// State names: jobs use names; executions carry numbers (reference §3.1)
export const EXECUTION_STATES = ['Undefined', 'New', 'AskForBid', 'AskForBidAccepted', 'AskForBidRejected',
  'BidAccepted', 'Running', 'Publishing', 'BidRejected', 'Completed', 'Failed', 'Cancelled'];
export const DESIRED_STATES = ['Pending', 'Running', 'Stopped'];
export const JOB_STATES = ['Pending', 'Queued', 'Running', 'Completed', 'Failed', 'Stopped'];

export function stateName(value, names) {
  return typeof value === 'number' ? (names[value] ?? String(value)) : String(value ?? '');
}
