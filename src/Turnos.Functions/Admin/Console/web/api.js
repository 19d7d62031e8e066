// Calls to the API with the signed-in key; errors become ApiError with a Spanish message.
import { normalize, describe, fieldErrors } from './messages.js';

export { spanish } from './messages.js';

// The key lives in sessionStorage: it is gone when the tab closes.
const KEY = 'turnos.consola.clave';

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  signIn(key) { sessionStorage.setItem(KEY, key); },
  signOut() { sessionStorage.removeItem(KEY); },
};

export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? {};
    this.fields = fieldErrors(this.problem);
  }
  /** Other free times offered with a 409 (slot taken). */
  get alternatives() { return this.problem.alternatives ?? this.problem.alternativas ?? []; }
}

/** One call. Resolves with the parsed JSON (null for an empty answer); rejects with ApiError. */
export async function call(method, path, body, { key = session.key, signal, quiet401 = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, signal, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, 'No pudimos conectar con el servidor. Revisa tu conexión e intenta de nuevo.');
  }
  const text = await response.text();
  let data = null;
  if (text) { try { data = JSON.parse(text); } catch { data = null; } }
  if (response.ok) return data;
  const problem = normalize(data);
  const error = new ApiError(response.status, problem, describe(response.status, problem, method));
  if (response.status === 401 && key && !quiet401) window.dispatchEvent(new CustomEvent('turnos:unauthorized'));
  throw error;
}

const get = (path, opts) => call('GET', path, undefined, opts);
const enc = encodeURIComponent;
const qs = params => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};
const list = (data, ...names) => Array.isArray(data) ? data : (names.map(n => data?.[n]).find(Array.isArray) ?? []);
const biz = id => `/api/admin/businesses/${enc(id)}`;

export const api = {
  businesses: async opts => list(await get('/api/admin/businesses', opts), 'businesses', 'items', 'value'),
  business: id => get(biz(id)),
  createBusiness: doc => call('POST', '/api/admin/businesses', doc),
  updateBusiness: (id, doc) => call('PUT', biz(id), doc),
  items: async (id, kind) => list(await get(`${biz(id)}/${kind}`), kind, 'items', 'value'),
  createItem: (id, kind, item) => call('POST', `${biz(id)}/${kind}`, item),
  updateItem: (id, kind, itemId, item) => call('PUT', `${biz(id)}/${kind}/${enc(itemId)}`, item),
  deleteItem: (id, kind, itemId) => call('DELETE', `${biz(id)}/${kind}/${enc(itemId)}`),
  appointments: async (id, filters) => list(await get(`${biz(id)}/appointments${qs(filters)}`), 'appointments', 'items', 'value'),
  appointment: (id, appointmentId) => get(`${biz(id)}/appointments/${enc(appointmentId)}`),
  book: (id, booking) => call('POST', `${biz(id)}/appointments`, booking),
  cancel: (id, appointmentId) => call('POST', `${biz(id)}/appointments/${enc(appointmentId)}/cancel`, {}),
  reschedule: (id, appointmentId, move) => call('POST', `${biz(id)}/appointments/${enc(appointmentId)}/reschedule`, move),
  noShow: (id, appointmentId, marked) => call(marked ? 'POST' : 'DELETE', `${biz(id)}/appointments/${enc(appointmentId)}/no-show`),
  handoffs: async id => list(await get(`${biz(id)}/conversations?handoff=true`), 'conversations', 'items', 'value'),
  attended: (id, phone) => call('DELETE', `${biz(id)}/conversations/${enc(phone)}/handoff`),
  /** A WhatsApp photo as an object URL: the API wants the key, which an <img> cannot send. */
  photo: async (id, phone, photoId) => {
    const response = await fetch(`${biz(id)}/conversations/${enc(phone)}/photos/${enc(photoId)}`,
      { headers: { Authorization: `Bearer ${session.key}` }, cache: 'no-store' });
    if (!response.ok) throw new ApiError(response.status, null, response.status === 502
      ? 'Twilio no entregó la foto (puede haberse borrado): pídesela al cliente.' : 'No pudimos traer la foto.');
    return URL.createObjectURL(await response.blob());
  },
  calendar: id => get(`${biz(id)}/calendar`),
  connectCalendar: id => call('POST', `${biz(id)}/calendar/connect`, {}),
  disconnectCalendar: id => call('DELETE', `${biz(id)}/calendar`),
  availability: async params => {
    const answer = await get(`/api/v1/disponibilidad${qs(params)}`);
    return answer?.data ?? answer;
  },
};
