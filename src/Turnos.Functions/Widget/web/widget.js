// Turnos web chat widget. A site adds one tag:
//   <script src="https://<app>/api/widget.js" data-negocio="demo" defer></script>
// and gets a chat bubble that talks to the business's assistant. No framework; everything lives in a shadow root so
// the site's styles and ours never meet. The conversation id (128 random bits) and the last messages stay in this
// browser's localStorage, so the chat survives page changes on the site.
(() => {
  'use strict';
  const script = document.currentScript || document.querySelector('script[data-negocio][src*="widget.js"]');
  const negocio = script && script.dataset.negocio;
  if (!negocio) return console.warn('Turnos: a la etiqueta del widget le falta data-negocio.');
  if (document.querySelector(`turnos-chat[data-negocio="${CSS.escape(negocio)}"]`)) return; // the tag is on the page twice

  const api = new URL('./', script.src).href;
  const endpoint = `${api}widget/${encodeURIComponent(negocio)}`;
  const storeKey = `turnos-widget:${negocio}`;
  const MAX_LENGTH = 1000, KEEP = 50;
  const OFFLINE = 'No pudimos conectar con el chat. Revisa tu conexión e intenta de nuevo.';

  const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
  const stored = (() => { try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch { return {}; } })();
  const state = {
    id: /^[0-9a-f]{32}$/.test(stored.id) ? stored.id : newId(),
    log: Array.isArray(stored.log) ? stored.log.filter(m => m && typeof m.text === 'string') : [],
    info: null, pending: false,
  };
  const save = () => { try { localStorage.setItem(storeKey, JSON.stringify({ id: state.id, log: state.log.slice(-KEEP) })); } catch { /* private mode: the chat still works */ } };
  if (stored.id !== state.id) save(); // one conversation per browser from the first visit on

  const h = (tag, attrs, ...children) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, '');
      else if (v !== false && v != null) el.setAttribute(k, v);
    }
    el.append(...children.filter(c => c != null));
    return el;
  };
  const svg = path => {
    const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    el.setAttribute('viewBox', '0 0 24 24');
    el.setAttribute('aria-hidden', 'true');
    el.setAttribute('focusable', 'false');
    const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    p.setAttribute('d', path);
    el.append(p);
    return el;
  };

  // The replies use WhatsApp's formatting: *bold* and bare links. Built as nodes, never as HTML.
  const TOKEN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)'])|\*([^*\n]+)\*/g;
  const formatted = text => {
    const out = document.createDocumentFragment();
    let at = 0;
    for (const m of text.matchAll(TOKEN)) {
      out.append(text.slice(at, m.index));
      out.append(m[1] ? h('a', { href: m[1], target: '_blank', rel: 'noopener noreferrer' }, m[1]) : h('strong', {}, m[2]));
      at = m.index + m[0].length;
    }
    out.append(text.slice(at));
    return out;
  };

  // A custom element, not a div: the site's own rules for divs (borders, margins) would otherwise style it.
  const host = h('turnos-chat', { 'data-negocio': negocio, hidden: true });
  const root = host.attachShadow({ mode: 'open' });
  const sheet = h('link', { rel: 'stylesheet', href: `${api}widget.css` });
  sheet.addEventListener('load', () => { host.hidden = false; }); // shown once styled, never as bare markup
  sheet.addEventListener('error', () => console.warn('Turnos: no se pudo cargar el estilo del chat.'));

  const bubble = h('button', { type: 'button', class: 'bubble', 'aria-label': 'Abrir el chat', 'aria-expanded': 'false', 'aria-controls': 'panel' },
    svg('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'));
  const title = h('h2', { id: 'title' }, 'Chat');
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Cerrar el chat' }, svg('M6 6l12 12M18 6L6 18'));
  const log = h('ol', { class: 'log', 'aria-label': 'Conversación', tabindex: '0' });
  const typing = h('p', { class: 'typing', role: 'status' });
  const announcer = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert' });
  const input = h('textarea', { rows: '1', maxlength: String(MAX_LENGTH), 'aria-label': 'Tu mensaje', placeholder: 'Escribe tu mensaje…', autocomplete: 'off', enterkeyhint: 'send' });
  const send = h('button', { type: 'submit', class: 'send', 'aria-label': 'Enviar' }, svg('M3 20l18-8L3 4v6l12 2-12 2z'));
  const form = h('form', { class: 'composer', novalidate: true }, input, send);
  const panel = h('section', { id: 'panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'title', hidden: true },
    h('header', {}, h('div', {}, title, h('p', { class: 'subtitle' }, 'Reserva, cambia o cancela tu turno')), close),
    log, typing, error, form);
  root.append(sheet, panel, bubble, announcer);

  const who = from => from === 'me' ? 'Tú' : (state.info ? state.info.botName : 'Asistente');
  const show = (from, text) => {
    log.append(h('li', { class: from === 'me' ? 'me' : 'bot' }, h('span', { class: 'sr-only' }, `${who(from)}: `), formatted(text)));
    log.scrollTop = log.scrollHeight;
  };
  const add = (from, text) => { state.log.push({ from, text }); save(); show(from, text); };
  const showError = text => { error.textContent = text || ''; error.hidden = !text; };
  const busy = on => {
    state.pending = on;
    send.disabled = on;
    typing.hidden = !on;
    typing.replaceChildren(...(on ? [h('span', { class: 'dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
      h('span', { class: 'sr-only' }, `${who('bot')} está escribiendo…`)] : []));
  };
  const fit = () => { input.style.height = 'auto'; input.style.height = `${Math.min(input.scrollHeight, 120)}px`; };

  const call = async (path, init) => {
    const res = await fetch(endpoint + path, { credentials: 'omit', ...init });
    const body = await res.json().catch(() => null);
    return { res, body };
  };

  const loadInfo = async () => {
    if (state.info) return;
    try {
      const { res, body } = await call('');
      if (!res.ok) return showError((body && body.detail) || 'Este chat no está disponible.');
      state.info = body;
      title.textContent = body.name;
      bubble.setAttribute('aria-label', `Abrir el chat con ${body.name}`);
    } catch {
      showError(OFFLINE);
    }
  };

  const open = () => {
    panel.hidden = false;
    bubble.setAttribute('aria-expanded', 'true');
    host.setAttribute('data-open', '');
    if (!log.children.length && !state.log.length)
      show('bot', '¡Hola! 👋 Escríbenos aquí para reservar, cambiar o cancelar un turno.');
    input.focus();
    loadInfo();
  };
  const shut = () => {
    panel.hidden = true;
    bubble.setAttribute('aria-expanded', 'false');
    host.removeAttribute('data-open');
    bubble.focus();
  };

  const submit = async event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || state.pending) return;
    showError('');
    input.value = '';
    fit();
    show('me', text);
    busy(true);
    try {
      const { res, body } = await call('/messages', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ conversationId: state.id, text }),
      });
      if (res.ok && body && Array.isArray(body.replies)) {
        state.log.push({ from: 'me', text });
        body.replies.forEach(r => add('bot', r));
        announcer.textContent = body.replies.join('\n');
        return;
      }
      // An id the server does not take (an old or tampered one): start a new conversation.
      if (res.status === 400 && body && body.errors && body.errors.conversationId) { state.id = newId(); save(); }
      fail(text, (body && body.detail) || OFFLINE);
    } catch {
      fail(text, OFFLINE);
    } finally {
      busy(false);
    }
  };
  // The message did not go: it leaves the conversation and goes back to the box, so nothing typed is lost.
  const fail = (text, why) => {
    log.lastElementChild && log.lastElementChild.remove();
    if (!input.value) { input.value = text; fit(); }
    showError(why);
  };

  bubble.addEventListener('click', () => (panel.hidden ? open() : shut()));
  close.addEventListener('click', shut);
  panel.addEventListener('keydown', e => { if (e.key === 'Escape') { e.preventDefault(); shut(); } });
  form.addEventListener('submit', submit);
  input.addEventListener('input', fit);
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });

  busy(false);
  showError('');
  state.log.forEach(m => show(m.from, m.text));
  (document.body || document.documentElement).append(host);
})();
