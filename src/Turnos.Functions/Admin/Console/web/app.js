// Start-up, sign-in and the router: #/entrar, #/negocios, #/negocios/{id}/{semana|turnos|catalogo|calendario|conversaciones}.
import { api, session, ApiError } from './api.js';
import { h, clear, loading, errorBox, field, showErrors, busy } from './ui.js';
import { renderBusinesses } from './businesses.js';
import { renderWeek } from './week.js';
import { renderAppointments } from './appointments.js';
import { renderCatalog } from './catalog.js';
import { renderCalendar } from './calendar.js';
import { renderConversations } from './conversations.js';

const TABS = [
  ['semana', 'Semana', renderWeek],
  ['turnos', 'Turnos', renderAppointments],
  ['catalogo', 'Catálogo', renderCatalog],
  ['calendario', 'Calendario', renderCalendar],
  ['conversaciones', 'Conversaciones', renderConversations],
];

const main = document.getElementById('main');
let current = { id: null, doc: null };
let generation = 0;

function parseHash() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: Object.fromEntries(new URLSearchParams(query)) };
}

export function go(path, params) {
  const q = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString() : '';
  const hash = `#/${path}${q ? `?${q}` : ''}`;
  if (location.hash === hash) route(); else location.hash = hash;
}

async function route() {
  const run = ++generation;
  const alive = () => run === generation;
  const { parts, params } = parseHash();
  document.querySelectorAll('dialog.modal').forEach(d => d.close());
  if (!session.key) return showSignIn();
  document.getElementById('topbar').hidden = false;
  if (parts[0] !== 'negocios') return go('negocios');
  if (parts.length === 1) {
    current = { id: null, doc: null };
    crumbs([['Negocios']]);
    document.title = 'Negocios · Turnos';
    return renderBusinesses(clear(main), { alive, go });
  }
  const id = parts[1];
  const tab = TABS.find(t => t[0] === parts[2]) ?? TABS[0];
  await showBusiness(id, tab, params, alive);
}

function crumbs(items) {
  const nav = document.getElementById('crumbs');
  clear(nav, items.map(([text, href], i) => [
    i ? h('span', { class: 'sep' }, '›') : null,
    href ? h('a', { href }, text) : h('span', {}, text),
  ]));
}

async function showBusiness(id, [tabId, tabName, render], params, alive) {
  crumbs([['Negocios', '#/negocios'], [current.id === id && current.doc ? current.doc.name : id]]);
  // The business is read once per visit; catalog edits in this tab update it (ctx.reload).
  if (current.id !== id || !current.doc) {
    clear(main, loading());
    try {
      current = { id, doc: await api.business(id) };
    } catch (e) {
      if (!alive()) return;
      current = { id: null, doc: null };
      return clear(main, h('div', { class: 'page-head' }, h('h1', {}, id)), errorBox(e, () => route()),
        h('p', {}, h('a', { href: '#/negocios' }, '← Volver a los negocios')));
    }
    if (!alive()) return;
  }
  const doc = current.doc;
  crumbs([['Negocios', '#/negocios'], [doc.name ?? id]]);
  document.title = `${doc.name ?? id} · ${tabName} · Turnos`;
  const content = h('section', { class: 'tab-content' });
  const handoffCount = h('span', { class: 'count', hidden: true });
  clear(main,
    h('div', { class: 'page-head' },
      h('div', { class: 'grow' },
        h('h1', {}, doc.name ?? id),
        h('div', { class: 'muted small' }, [`Código ${id}`, doc.timeZone, ...(doc.whatsAppNumbers ?? [])].filter(Boolean).join(' · ')))),
    h('nav', { class: 'tabs', 'aria-label': 'Secciones del negocio' }, TABS.map(([t, name]) =>
      h('a', { href: `#/negocios/${encodeURIComponent(id)}/${t}`, 'aria-current': t === tabId ? 'page' : null },
        name, t === 'conversaciones' ? handoffCount : null))),
    content);
  // How many conversations wait for a person, shown on the tab.
  const showWaiting = n => { handoffCount.textContent = String(n); handoffCount.hidden = n === 0; };
  api.handoffs(id).then(list => { if (alive()) showWaiting(list.length); }).catch(() => {});
  const ctx = {
    id, doc, params, alive, el: content,
    tz: doc.timeZone,
    go: (t, p) => go(`negocios/${encodeURIComponent(id)}/${t}`, p),
    /** The conversations tab's count, after the list changed. */
    waiting: showWaiting,
    /** Reads the business again (after a catalog change) and returns the new document. */
    reload: async () => { const fresh = await api.business(id); current = { id, doc: fresh }; ctx.doc = fresh; return fresh; },
  };
  await render(ctx);
}

function showSignIn() {
  // After signing in, back to where the link pointed.
  const returnTo = /^#\/negocios\//.test(location.hash) ? location.hash : null;
  document.getElementById('topbar').hidden = true;
  document.title = 'Entrar · Turnos';
  const key = h('input', { type: 'password', autocomplete: 'current-password', required: true, placeholder: 'Pega aquí tu clave', spellcheck: 'false' });
  const submit = h('button', { type: 'submit' }, 'Entrar');
  const form = h('form', { class: 'card signin', novalidate: true },
    h('span', { class: 'logo', 'aria-hidden': 'true' }, 'T'),
    h('h1', {}, 'Consola de Turnos'),
    h('p', { class: 'muted' }, 'Ingresa tu clave de acceso para administrar tus negocios, la agenda y los turnos.'),
    h('div', { class: 'form-error', role: 'alert' }),
    field('Clave de acceso', key, { name: 'key', hint: 'Te la da quien administra Turnos. Se guarda solo en esta pestaña.' }),
    h('div', { class: 'row' }, submit));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const value = key.value.trim();
    if (!value) return showErrors(form, new ApiError(400, { errors: { key: ['Escribe tu clave.'] }, spanish: true }, ''));
    await busy(submit, 'Entrando…', async () => {
      try {
        await api.businesses({ key: value, quiet401: true });
        session.signIn(value);
        if (returnTo) { location.hash === returnTo ? route() : (location.hash = returnTo); }
        else go('negocios');
      } catch (error) {
        if (error.status === 401) showErrors(form, new ApiError(401, { errors: { key: ['Esa clave no es válida. Revísala e intenta de nuevo.'] }, spanish: true }, ''));
        else showErrors(form, error);
      }
    });
  });
  clear(main, form);
  key.focus();
}

document.getElementById('logout').addEventListener('click', () => {
  session.signOut();
  current = { id: null, doc: null };
  go('entrar');
});
window.addEventListener('turnos:unauthorized', () => {
  session.signOut();
  current = { id: null, doc: null };
  route().then(() => {
    const box = main.querySelector('.form-error');
    if (box) box.textContent = 'Tu sesión terminó o la clave dejó de ser válida. Vuelve a entrar.';
  });
});
window.addEventListener('hashchange', route);
route();
