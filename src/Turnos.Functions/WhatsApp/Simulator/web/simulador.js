// The simulator's chat. Text is escaped before WhatsApp's *bold*, _italic_ and ~strike~ become markup, so replies
// cannot inject HTML.
const $ = id => document.getElementById(id);
const chat = $('chat'), business = $('business'), customer = $('customer'), profile = $('profile');
const text = $('text'), send = $('send');
const histories = {};

const escapeHtml = s => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const format = s => escapeHtml(s)
  .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1" target="_blank" rel="noopener">$1</a>')
  .replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
  .replace(/(^|\s)_([^_\n]+)_/g, '$1<em>$2</em>')
  .replace(/~([^~\n]+)~/g, '<del>$1</del>');
const now = () => new Date().toLocaleTimeString('es', { hour: '2-digit', minute: '2-digit' });
const key = () => business.value + '|' + customer.value.trim();

function add(kind, body, time) {
  const el = document.createElement('div');
  if (kind === 'in' || kind === 'out') {
    el.className = 'bubble ' + kind;
    el.innerHTML = format(body) + '<time>' + escapeHtml(time) + '</time>';
  } else {
    el.className = kind === 'error' ? 'note error' : 'note';
    el.textContent = body;
  }
  chat.appendChild(el);
  chat.scrollTop = chat.scrollHeight;
}

function record(kind, body) {
  const time = now();
  (histories[key()] ??= []).push({ kind, body, time });
  add(kind, body, time);
}

function show() {
  const option = business.selectedOptions[0];
  $('chat-name').textContent = option ? option.dataset.name : 'Turnos';
  $('chat-status').textContent = option ? option.dataset.number + ' · simulador' : 'Simulador local';
  $('avatar').textContent = (option ? option.dataset.name : 'T').trim().charAt(0).toUpperCase();
  chat.querySelectorAll('.bubble, .note.error').forEach(el => el.remove());
  for (const m of histories[key()] ?? []) add(m.kind, m.body, m.time);
}

async function load() {
  try {
    const response = await fetch(location.pathname.replace(/\/?$/, '/negocios'));
    const data = await response.json();
    customer.value = customer.value || data.defaultCustomer;
    for (const c of data.chats) {
      const option = document.createElement('option');
      option.value = c.number;
      option.dataset.name = c.name;
      option.dataset.number = c.number;
      option.textContent = c.shared ? `${c.name} (varios negocios) · ${c.number}` : `${c.name} · ${c.number}`;
      business.appendChild(option);
    }
    if (!data.chats.length) add('error', 'No hay negocios con número de WhatsApp. Carga un archivo de datos (Turnos:SeedFile).');
    show();
  } catch {
    add('error', 'No pude cargar los negocios. ¿Está corriendo la app?');
  }
}

async function submit(event) {
  event.preventDefault();
  const body = text.value.trim();
  if (!body || !business.value) return;
  record('out', body);
  text.value = '';
  send.disabled = true;
  const typing = document.createElement('div');
  typing.className = 'typing';
  typing.textContent = 'escribiendo…';
  chat.appendChild(typing);
  chat.scrollTop = chat.scrollHeight;
  try {
    const response = await fetch(location.pathname.replace(/\/?$/, '/send'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ businessNumber: business.value, from: customer.value.trim(), text: body, profileName: profile.value })
    });
    const data = await response.json();
    if (!response.ok) {
      const details = data.errors ? Object.values(data.errors).flat().join(' ') : (data.detail ?? '');
      record('error', 'No se pudo enviar: ' + details);
    } else if (data.status !== 200) {
      record('error', `El webhook respondió ${data.status}.`);
    } else if (!data.replies.length) {
      record('note', 'Sin respuesta (el número no pertenece a ningún negocio).');
    } else {
      for (const reply of data.replies) record('in', reply);
    }
  } catch {
    record('error', 'No pude enviar el mensaje. ¿Está corriendo la app?');
  } finally {
    typing.remove();
    send.disabled = false;
    text.focus();
  }
}

business.addEventListener('change', show);
customer.addEventListener('change', show);
$('clear').addEventListener('click', () => { delete histories[key()]; show(); });
$('composer').addEventListener('submit', submit);
load();
