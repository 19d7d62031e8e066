// DOM helpers (elements built with textContent, never markup from data), dialogs, toasts, form errors, dates in the business's zone.
/** h('button', { class: 'x', onclick: f, text: 'Hola' }, child, …): an element; strings become text. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) { el.replaceChildren(); append(el, children); return el; }

export const loading = (text = 'Cargando…') => h('p', { class: 'loading', role: 'status' }, text);

export function errorBox(error, retry) {
  return h('div', { class: 'notice error', role: 'alert' }, error?.message ?? String(error), ' ',
    retry ? h('button', { type: 'button', class: 'link', onclick: retry }, 'Reintentar') : null);
}

export function toast(message, kind = 'ok') {
  const box = document.getElementById('toasts');
  const t = h('div', { class: `toast ${kind}` }, message);
  box.append(t);
  while (box.children.length > 3) box.firstElementChild.remove();
  setTimeout(() => t.remove(), kind === 'error' ? 8000 : 4500);
}

/** A modal dialog; resolves nothing, closes on ×, Esc or close(). */
export function dialog({ title, body = [], actions = [], wide = false, onclose }) {
  const bodyEl = h('div', { class: 'body' }, body);
  const footer = h('footer', {}, actions);
  const el = h('dialog', { class: `modal${wide ? ' wide' : ''}`, 'aria-label': title },
    h('header', {}, h('h2', {}, title), h('button', { type: 'button', class: 'ghost', 'aria-label': 'Cerrar', onclick: () => el.close() }, '✕')),
    bodyEl, footer);
  el.addEventListener('close', () => { el.remove(); onclose?.(); });
  document.body.append(el);
  el.showModal();
  return { el, body: bodyEl, footer, close: () => el.close(), setActions: (...a) => clear(footer, a) };
}

export function confirm(title, message, { ok = 'Sí', cancel = 'No', danger = false } = {}) {
  return new Promise(resolve => {
    let answer = false;
    const d = dialog({
      title, body: [h('p', {}, message)], onclose: () => resolve(answer),
      actions: [
        h('button', { type: 'button', class: 'secondary', onclick: () => d.close() }, cancel),
        h('button', { type: 'button', class: danger ? 'danger' : '', onclick: () => { answer = true; d.close(); } }, ok),
      ],
    });
  });
}

let fieldIds = 0;
/** A labelled field whose error line is found by its name (the API's field path). */
export function field(label, input, { name, hint } = {}) {
  input.id ||= `f${++fieldIds}`;
  if (name) input.name ||= name;
  return h('div', { class: 'field', dataset: { field: (name ?? input.name ?? '').toLowerCase() } },
    h('label', { for: input.id }, label), input,
    hint ? h('span', { class: 'hint' }, hint) : null,
    h('span', { class: 'field-error', role: 'alert' }));
}

export function clearErrors(form) {
  form.querySelectorAll('.field.invalid').forEach(f => f.classList.remove('invalid'));
  form.querySelectorAll('.field-error, .form-error').forEach(e => { e.textContent = ''; });
}

/**
 * Puts an ApiError's messages next to their fields (a field named "hours.monday" takes "hours.monday[0]" too);
 * the rest, or the general message, goes to the form's .form-error.
 */
export function showErrors(form, error, aliases = {}) {
  clearErrors(form);
  const fields = [...form.querySelectorAll('[data-field]')].filter(f => f.dataset.field);
  const rest = [];
  for (let [path, message] of Object.entries(error.fields ?? {})) {
    for (const [from, to] of Object.entries(aliases)) if (path === from || path.startsWith(from + '.') || path.startsWith(from + '[')) path = to + path.slice(from.length);
    const target = fields.filter(f => path === f.dataset.field || path.startsWith(f.dataset.field + '.') || path.startsWith(f.dataset.field + '['))
      .sort((a, b) => b.dataset.field.length - a.dataset.field.length)[0];
    if (!target) { rest.push(message); continue; }
    target.classList.add('invalid');
    const line = target.querySelector('.field-error');
    line.textContent = line.textContent ? `${line.textContent} ${message}` : message;
  }
  const box = form.querySelector('.form-error');
  const general = rest.length ? rest.join(' ') : Object.keys(error.fields ?? {}).length ? '' : error.message;
  if (box) box.textContent = general;
  else if (general) toast(general, 'error');
  form.querySelector('.field.invalid input, .field.invalid select, .field.invalid textarea')?.focus();
}

/** Disables the button and shows `text` while fn runs. */
export async function busy(button, text, fn) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = text;
  try { return await fn(); } finally { button.disabled = false; button.textContent = label; }
}

/** "corte de pelo" → "corte-de-pelo": a catalog id from a name. */
export function slug(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

// Dates. A "date" is 'YYYY-MM-DD' and a "time" 'HH:MM', both in the business's zone.
export const DAYS = [
  ['monday', 'Lunes'], ['tuesday', 'Martes'], ['wednesday', 'Miércoles'], ['thursday', 'Jueves'],
  ['friday', 'Viernes'], ['saturday', 'Sábado'], ['sunday', 'Domingo'],
];
const WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** An instant (ISO text or Date) as { date, time } in the zone. */
export function zoned(instant, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export const todayIn = timeZone => zoned(Date.now(), timeZone).date;

const asUtc = date => new Date(`${date}T00:00:00Z`);
export function addDays(date, n) { const d = asUtc(date); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); }
export function mondayOf(date) { const d = asUtc(date); return addDays(date, -((d.getUTCDay() + 6) % 7)); }
export const weekdayOf = date => WEEKDAYS[asUtc(date).getUTCDay()];
/** "martes 24/11" */
export const dayLabel = date => `${weekdayOf(date)} ${date.slice(8, 10)}/${date.slice(5, 7)}`;
/** "24 de noviembre de 2026" */
export const longDate = date => `${Number(date.slice(8, 10))} de ${MONTHS[Number(date.slice(5, 7)) - 1]} de ${date.slice(0, 4)}`;
/** "23 al 29 de noviembre" (or across months). */
export function rangeLabel(from, to) {
  const [fm, tm] = [Number(from.slice(5, 7)) - 1, Number(to.slice(5, 7)) - 1];
  const fd = Number(from.slice(8, 10)), td = Number(to.slice(8, 10));
  return fm === tm ? `${fd} al ${td} de ${MONTHS[tm]}` : `${fd} de ${MONTHS[fm]} al ${td} de ${MONTHS[tm]}`;
}

// Each currency as its own country writes it: ARS 5000 → "$ 5.000", MXN → "$5,000".
const LOCALES = { ARS: 'es-AR', MXN: 'es-MX', COP: 'es-CO', CLP: 'es-CL', PEN: 'es-PE', UYU: 'es-UY', PYG: 'es-PY', BOB: 'es-BO',
  VES: 'es-VE', CRC: 'es-CR', GTQ: 'es-GT', HNL: 'es-HN', NIO: 'es-NI', DOP: 'es-DO', PAB: 'es-PA', EUR: 'es-ES', USD: 'es-US', BRL: 'pt-BR' };
export const money = (amount, currency) => {
  try {
    return new Intl.NumberFormat(LOCALES[currency] ?? 'es', { style: 'currency', currency: currency || 'USD', currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: Number.isInteger(Number(amount)) ? 0 : 2, maximumFractionDigits: 2 }).format(amount);
  } catch { return String(amount); }
};

/** WhatsApp link for a phone in E.164. */
export const whatsAppLink = phone => `https://wa.me/${String(phone ?? '').replace(/\D/g, '')}`;
/** A customer reached by WhatsApp has a phone; one of the chat API or the web widget has only that channel's address. */
export const isPhone = address => /^\+\d/.test(String(address ?? ''));
/** How to show a customer's address: the phone, or which chat they wrote from. */
export const channelLabel = address => isPhone(address) ? address
  : String(address ?? '').startsWith('web:') ? 'Chat de la web' : String(address ?? '').startsWith('chat:') ? 'API de chat' : (address || '—');
