// The business list and "Agregar negocio".
import { api } from './api.js';
import { h, clear, loading, errorBox, dialog, field, showErrors, clearErrors, busy, slug, toast } from './ui.js';

const ZONES = [
  'America/Argentina/Buenos_Aires', 'America/Mexico_City', 'America/Bogota', 'America/Lima', 'America/Santiago',
  'America/Montevideo', 'America/Asuncion', 'America/La_Paz', 'America/Caracas', 'America/Guayaquil', 'America/Panama',
  'America/Costa_Rica', 'America/Guatemala', 'America/El_Salvador', 'America/Tegucigalpa', 'America/Managua',
  'America/Santo_Domingo', 'America/Puerto_Rico', 'America/Havana', 'America/Sao_Paulo', 'America/Cancun',
  'America/Tijuana', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/Madrid',
];

export async function renderBusinesses(el, { alive, go }) {
  const add = h('button', { type: 'button', onclick: () => addBusiness(go) }, '+ Agregar negocio');
  const list = h('div', {}, loading('Cargando negocios…'));
  clear(el, h('div', { class: 'page-head' },
    h('div', { class: 'grow' }, h('h1', {}, 'Negocios'), h('p', { class: 'muted' }, 'Elige un negocio para ver su agenda, catálogo y calendario.')),
    add), list);
  let businesses;
  try {
    businesses = await api.businesses();
  } catch (e) {
    if (alive()) clear(list, errorBox(e, () => renderBusinesses(el, { alive, go })));
    return;
  }
  if (!alive()) return;
  if (!businesses.length) {
    return clear(list, h('div', { class: 'card empty' }, h('p', {}, 'Todavía no hay negocios.'),
      h('button', { type: 'button', onclick: () => addBusiness(go) }, 'Agregar el primero')));
  }
  clear(list, h('div', { class: 'cards' }, businesses.map(b => card(b))));
}

function card(b) {
  const calendar = h('span', { class: 'badge' }, 'Calendario…');
  api.calendar(b.id).then(s => {
    if (s.connected) { calendar.className = 'badge ok'; calendar.textContent = '✓ Calendario conectado'; }
    else if (s.needsReconnect) { calendar.className = 'badge warn'; calendar.textContent = 'Calendario desconectado'; }
    else if (s.configured === false) calendar.remove();
    else { calendar.className = 'badge'; calendar.textContent = 'Sin calendario'; }
  }).catch(() => calendar.remove());
  return h('a', { class: 'card business-card', href: `#/negocios/${encodeURIComponent(b.id)}/semana`, dataset: { business: b.id } },
    h('span', { class: 'name' }, b.name ?? b.id),
    h('span', { class: 'muted small' }, `Código ${b.id}${b.timeZone ? ` · ${b.timeZone}` : ''}`),
    (b.whatsAppNumbers ?? []).length ? h('span', { class: 'small' }, `WhatsApp ${(b.whatsAppNumbers).join(', ')}`) : null,
    b.email ? h('span', { class: 'small muted' }, b.email) : null,
    h('div', { class: 'chips' }, calendar));
}

function addBusiness(go) {
  const name = h('input', { autocomplete: 'organization', required: true, placeholder: 'Peluquería Centro' });
  const id = h('input', { required: true, placeholder: 'peluqueria-centro', pattern: '[a-z0-9][a-z0-9-]{0,39}', spellcheck: 'false' });
  const email = h('input', { type: 'email', autocomplete: 'email', placeholder: 'hola@peluqueria.com' });
  const phone = h('input', { type: 'tel', placeholder: '+5491155550000', autocomplete: 'tel' });
  const guess = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = h('input', { list: 'zones', required: true, value: ZONES.includes(guess) ? guess : ZONES[0], spellcheck: 'false' });
  const currency = h('input', { value: 'ARS', maxlength: 3, spellcheck: 'false', class: 'upper' });
  let idTouched = false;
  name.addEventListener('input', () => { if (!idTouched) id.value = slug(name.value); });
  id.addEventListener('input', () => { idTouched = true; });
  const save = h('button', { type: 'submit', form: 'new-business' }, 'Crear negocio');
  const form = h('form', { id: 'new-business', novalidate: true },
    h('div', { class: 'form-error', role: 'alert' }),
    field('Nombre', name, { name: 'name' }),
    field('Código', id, { name: 'id', hint: 'Identifica al negocio en links y en el chat (#código). Minúsculas, números y guiones; no se puede cambiar.' }),
    h('div', { class: 'grid2' },
      field('Email', email, { name: 'email' }),
      field('Número de WhatsApp', phone, { name: 'whatsAppNumbers', hint: 'Con + y código de país. Puedes dejarlo vacío por ahora.' })),
    h('div', { class: 'grid2' },
      field('Zona horaria', zone, { name: 'timeZone' }),
      field('Moneda', currency, { name: 'currency', hint: 'Código de 3 letras: ARS, MXN, COP…' })),
    h('datalist', { id: 'zones' }, ZONES.map(z => h('option', { value: z }))));
  const d = dialog({
    title: 'Agregar negocio', body: [form],
    actions: [h('button', { type: 'button', class: 'secondary', onclick: () => d.close() }, 'Cancelar'), save],
  });
  name.focus();
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    const doc = {
      id: id.value.trim(), name: name.value.trim(), email: email.value.trim() || null, timeZone: zone.value.trim(),
      currency: currency.value.trim().toUpperCase() || null,
      whatsAppNumbers: phone.value.trim() ? [phone.value.replace(/[\s()-]/g, '')] : [],
    };
    await busy(save, 'Creando…', async () => {
      try {
        const created = await api.createBusiness(doc);
        d.close();
        toast(`Listo: creamos ${created?.name ?? doc.name}. Ahora agrega sus servicios y profesionales.`);
        go(`negocios/${encodeURIComponent(created?.id ?? doc.id)}/catalogo`);
      } catch (error) {
        showErrors(form, error);
      }
    });
  });
}
