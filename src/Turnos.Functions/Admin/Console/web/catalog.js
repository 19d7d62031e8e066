// Catalog: services, professionals with weekly hours, blocks (list, add, edit, delete).
import { api, ApiError } from './api.js';
import { h, clear, loading, errorBox, dialog, confirm, field, showErrors, clearErrors, busy, slug, toast, money, zoned, DAYS, dayLabel, addDays } from './ui.js';

export async function renderCatalog(ctx) {
  const services = h('section', { class: 'card', id: 'services' });
  const professionals = h('section', { class: 'card', id: 'professionals' });
  const blocks = h('section', { class: 'card', id: 'blocks' });
  clear(ctx.el, services, professionals, blocks);
  const draw = doc => {
    drawServices(services, doc, ctx, reload);
    drawProfessionals(professionals, doc, ctx, reload);
    drawBlocks(blocks, doc, ctx, reload);
  };
  async function reload() {
    try { draw(await ctx.reload()); } catch (e) { toast(e.message, 'error'); }
  }
  draw(ctx.doc);
}

const head = (title, count, add) => h('div', { class: 'page-head' },
  h('div', { class: 'grow' }, h('h2', {}, title, ' ', h('span', { class: 'badge' }, String(count)))), add);

const table = (columns, rows, empty) => rows.length
  ? h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, c)))), h('tbody', {}, rows)))
  : h('p', { class: 'empty' }, empty);

const editButtons = (onEdit, onDelete) => h('td', { class: 'actions' },
  h('button', { type: 'button', class: 'secondary small', onclick: onEdit }, 'Editar'), ' ',
  h('button', { type: 'button', class: 'danger secondary small', onclick: onDelete }, 'Borrar'));

// ---- Services
function drawServices(el, doc, ctx, reload) {
  const list = doc.services ?? [];
  clear(el, head('Servicios', list.length, h('button', { type: 'button', onclick: () => editService(ctx, null, reload) }, '+ Agregar servicio')),
    table(['Servicio', 'Duración', 'Precio', 'Descripción', ''], list.map(s => h('tr', { dataset: { item: s.id } },
      h('td', {}, h('strong', {}, s.name), h('div', { class: 'muted small' }, s.id)),
      h('td', { class: 'nowrap' }, `${s.durationMinutes} min`),
      h('td', { class: 'nowrap' }, money(s.price ?? 0, doc.currency)),
      h('td', { class: 'muted' }, s.description ?? ''),
      editButtons(() => editService(ctx, s, reload), () => remove(ctx, 'services', s.id, `el servicio “${s.name}”`, reload)))),
    'Todavía no hay servicios. Agrega el primero: por ejemplo “Corte de cabello”, 30 minutos.'));
}

function editService(ctx, s, reload) {
  const name = h('input', { value: s?.name ?? '', required: true, placeholder: 'Corte de cabello' });
  const id = idInput(s, name, 'corte');
  const duration = h('input', { type: 'number', min: 5, max: 480, step: 5, value: s?.durationMinutes ?? 30, required: true });
  const price = h('input', { type: 'number', min: 0, step: 'any', value: s?.price ?? '', required: true, placeholder: '5000' });
  const description = h('textarea', { placeholder: 'Qué incluye (el asistente se lo cuenta a los clientes).' }, s?.description ?? '');
  const form = itemForm([
    field('Nombre', name, { name: 'name' }),
    field('Código', id, { name: 'id', hint: s ? 'El código no se puede cambiar.' : 'Se usa en la API. Minúsculas, números y guiones.' }),
    h('div', { class: 'grid2' }, field('Duración (minutos)', duration, { name: 'durationMinutes' }), field(`Precio (${ctx.doc.currency ?? ''})`, price, { name: 'price' })),
    field('Descripción', description, { name: 'description' }),
  ]);
  saveDialog(s ? `Editar ${s.name}` : 'Nuevo servicio', form, () => ({
    id: id.value.trim(), name: name.value.trim(), durationMinutes: num(duration.value), price: num(price.value),
    description: description.value.trim() || null,
  }), item => s ? api.updateItem(ctx.id, 'services', s.id, item) : api.createItem(ctx.id, 'services', item), reload, s ? 'Servicio guardado.' : 'Servicio agregado.');
}

// ---- Professionals
function drawProfessionals(el, doc, ctx, reload) {
  const list = doc.professionals ?? [];
  const serviceName = id => (doc.services ?? []).find(s => s.id === id)?.name ?? id;
  clear(el, head('Profesionales', list.length, h('button', { type: 'button', onclick: () => editProfessional(ctx, null, reload) }, '+ Agregar profesional')),
    table(['Profesional', 'Servicios', 'Horario semanal', ''], list.map(p => h('tr', { dataset: { item: p.id } },
      h('td', {}, h('strong', {}, p.name), h('div', { class: 'muted small' }, [p.id, p.email].filter(Boolean).join(' · '))),
      h('td', {}, h('div', { class: 'chips' }, (p.services ?? []).map(id => h('span', { class: 'chip' }, serviceName(id))))),
      h('td', { class: 'small' }, hoursSummary(p.hours ?? doc.hours), p.hours ? null : h('div', { class: 'muted small' }, 'Horario del negocio')),
      editButtons(() => editProfessional(ctx, p, reload), () => remove(ctx, 'professionals', p.id, `a ${p.name}`, reload)))),
    'Todavía no hay profesionales. Agrega a quienes atienden y sus horarios.'));
}

/** "Lun a Vie 09:00-19:00 · Sáb 09:00-13:00" */
function hoursSummary(hours) {
  if (!hours || !Object.keys(hours).length) return h('span', { class: 'muted' }, 'Sin horario');
  return hoursText(hours);
}

function hoursText(hours) {
  const days = DAYS.map(([key, name]) => [name.slice(0, 3), (hours[key] ?? []).join(', ')]);
  const groups = [];
  for (const [name, text] of days) {
    const last = groups.at(-1);
    if (last && last.text === text) last.to = name; else groups.push({ from: name, to: null, text });
  }
  return groups.filter(g => g.text).map(g => `${g.from}${g.to ? ` a ${g.to}` : ''} ${g.text}`).join(' · ');
}

function editProfessional(ctx, p, reload) {
  const doc = ctx.doc;
  const name = h('input', { value: p?.name ?? '', required: true, placeholder: 'Lucía Fernández' });
  const id = idInput(p, name, 'lucia');
  const email = h('input', { type: 'email', value: p?.email ?? '', placeholder: 'lucia@ejemplo.com' });
  const calendar = h('input', { type: 'email', value: p?.calendar ?? '', placeholder: 'lucia@gmail.com' });
  const picks = (doc.services ?? []).map(s => h('input', { type: 'checkbox', value: s.id, checked: p ? (p.services ?? []).includes(s.id) : true }));
  const businessHours = doc.hours && Object.keys(doc.hours).length ? doc.hours : null;
  const template = p?.hours ?? businessHours ?? (doc.professionals ?? []).find(x => x.hours)?.hours
    ?? Object.fromEntries(DAYS.slice(0, 5).map(([k]) => [k, ['09:00-18:00']]));
  const shared = h('input', { type: 'checkbox', checked: !!businessHours && (p ? !p.hours : true), disabled: !businessHours });
  const dayInputs = DAYS.map(([key]) => h('input', { value: (template[key] ?? []).join(', '), placeholder: 'No trabaja' }));
  const form = itemForm([
    field('Nombre', name, { name: 'name' }),
    field('Código', id, { name: 'id', hint: p ? 'El código no se puede cambiar.' : 'Minúsculas, números y guiones.' }),
    h('div', { class: 'grid2' },
      field('Email', email, { name: 'email', hint: 'Recibe la invitación de cada turno.' }),
      field('Calendario propio (opcional)', calendar, { name: 'calendar', hint: 'Sus horarios ocupados en Google también cuentan.' })),
    h('div', { class: 'field', dataset: { field: 'services' } },
      h('span', { class: 'label' }, 'Servicios que hace'),
      picks.length ? h('div', { class: 'checks' }, picks.map((c, i) => h('label', {}, c, doc.services[i].name)))
        : h('span', { class: 'muted small' }, 'Primero agrega servicios.'),
      h('span', { class: 'field-error', role: 'alert' })),
    h('div', { class: 'field', dataset: { field: 'hours' } },
      h('span', { class: 'label' }, 'Horario semanal'),
      businessHours ? h('label', { class: 'checks' }, shared, `Usa el horario del negocio (${hoursText(businessHours)})`) : null,
      h('span', { class: 'hint' }, 'Rangos como 09:00-13:00, 14:00-19:00. Vacío: no trabaja ese día.'),
      h('div', { class: 'hours-grid', id: 'own-hours' }, DAYS.map(([key, label], i) => h('div', { class: 'field day-hours', dataset: { field: `hours.${key}` } },
        h('label', { for: dayInputs[i].id ||= `day-${key}` }, label),
        h('button', { type: 'button', class: 'ghost small', onclick: () => { dayInputs[i].value = ''; } }, 'Libre'),
        dayInputs[i],
        h('span', { class: 'field-error', role: 'alert' })))),
      h('span', { class: 'field-error', role: 'alert' })),
  ]);
  const own = form.querySelector('#own-hours');
  const syncHours = () => { own.hidden = shared.checked; own.previousElementSibling.hidden = shared.checked; };
  shared.addEventListener('change', syncHours);
  syncHours();
  saveDialog(p ? `Editar a ${p.name}` : 'Nuevo profesional', form, () => ({
    id: id.value.trim(), name: name.value.trim(), email: email.value.trim() || null, calendar: calendar.value.trim() || null,
    services: picks.filter(c => c.checked).map(c => c.value),
    hours: shared.checked ? null : Object.fromEntries(DAYS.map(([key], i) => [key, dayInputs[i].value.split(/[,;]/).map(r => r.trim().replace(/\s*-\s*/, '-')).filter(Boolean)])
      .filter(([, ranges]) => ranges.length)),
  }), item => p ? api.updateItem(ctx.id, 'professionals', p.id, item) : api.createItem(ctx.id, 'professionals', item),
  reload, p ? 'Profesional guardado.' : 'Profesional agregado.', true);
}

// ---- Blocks
function drawBlocks(el, doc, ctx, reload) {
  const list = [...(doc.blocks ?? [])].sort((a, b) => String(a.from ?? a.date).localeCompare(String(b.from ?? b.date)));
  const who = id => id ? ((doc.professionals ?? []).find(p => p.id === id)?.name ?? id) : 'Todo el negocio';
  clear(el, head('Bloqueos', list.length, h('button', { type: 'button', onclick: () => editBlock(ctx, null, reload) }, '+ Agregar bloqueo')),
    h('p', { class: 'muted small' }, 'Feriados, vacaciones, trámites: en esos horarios no se dan turnos.'),
    table(['Cuándo', 'Quién', 'Motivo', ''], list.map(b => h('tr', { dataset: { item: b.id } },
      h('td', {}, blockWhen(b, ctx.tz)),
      h('td', {}, who(b.professional)),
      h('td', {}, b.reason ?? ''),
      editButtons(() => editBlock(ctx, b, reload), () => remove(ctx, 'blocks', b.id, 'este bloqueo', reload)))),
    'No hay bloqueos.'));
}

/** A block as local dates and times: { whole, date, endDate, from, to } (from/to 'YYYY-MM-DDTHH:MM'). */
function localBlock(b, tz) {
  if (b.date) return { whole: true, date: b.date, endDate: b.date };
  const local = v => /[zZ]|[+-]\d\d:\d\d$/.test(v) ? (p => `${p.date}T${p.time}`)(zoned(v, tz)) : v.slice(0, 16);
  const from = local(b.from), to = local(b.to);
  const whole = from.endsWith('T00:00') && to.endsWith('T00:00');
  return { whole, date: from.slice(0, 10), endDate: whole ? addDays(to.slice(0, 10), -1) : to.slice(0, 10), from, to };
}

function blockWhen(b, tz) {
  const l = localBlock(b, tz);
  if (l.whole) return l.date === l.endDate ? `${dayLabel(l.date)}, todo el día` : `${dayLabel(l.date)} al ${dayLabel(l.endDate)}, todo el día`;
  return l.from.slice(0, 10) === l.to.slice(0, 10)
    ? `${dayLabel(l.date)} de ${l.from.slice(11)} a ${l.to.slice(11)}`
    : `${dayLabel(l.date)} ${l.from.slice(11)} al ${dayLabel(l.to.slice(0, 10))} ${l.to.slice(11)}`;
}

function editBlock(ctx, b, reload) {
  const doc = ctx.doc;
  const l = b ? localBlock(b, ctx.tz) : null;
  const who = h('select', {}, h('option', { value: '' }, 'Todo el negocio'),
    (doc.professionals ?? []).map(p => h('option', { value: p.id, selected: b?.professional === p.id }, p.name)));
  const whole = h('input', { type: 'checkbox', checked: l ? l.whole : true });
  const date = h('input', { type: 'date', value: l?.date ?? '' });
  const endDate = h('input', { type: 'date', value: l && l.endDate !== l.date ? l.endDate : '' });
  const from = h('input', { type: 'datetime-local', value: l && !l.whole ? l.from : '' });
  const to = h('input', { type: 'datetime-local', value: l && !l.whole ? l.to : '' });
  const reason = h('input', { value: b?.reason ?? '', placeholder: 'Feriado, vacaciones, médico…' });
  const days = h('div', { class: 'grid2' }, field('Día', date, { name: 'date' }), field('Hasta el día (opcional)', endDate, { name: 'enddate' }));
  const range = h('div', { class: 'grid2' }, field('Desde', from, { name: 'from' }), field('Hasta', to, { name: 'to' }));
  const sync = () => { days.hidden = !whole.checked; range.hidden = whole.checked; };
  whole.addEventListener('change', sync);
  sync();
  const form = itemForm([
    field('Quién', who, { name: 'professional' }),
    h('label', { class: 'checks spaced' }, whole, 'Días completos'),
    days, range,
    field('Motivo', reason, { name: 'reason' }),
  ]);
  saveDialog(b ? 'Editar bloqueo' : 'Nuevo bloqueo', form, () => {
    const item = { id: b?.id ?? `bloqueo-${crypto.randomUUID().slice(0, 8)}`, professional: who.value || null, reason: reason.value.trim() || null };
    if (whole.checked) {
      if (!endDate.value || endDate.value === date.value) item.date = date.value || null;
      else { item.from = `${date.value}T00:00`; item.to = `${addDays(endDate.value, 1)}T00:00`; }
    } else { item.from = from.value || null; item.to = to.value || null; }
    return item;
  }, item => b ? api.updateItem(ctx.id, 'blocks', b.id, item) : api.createItem(ctx.id, 'blocks', item),
  reload, b ? 'Bloqueo guardado.' : 'Bloqueo agregado.');
}

// ---- Shared
const num = v => v === '' || v === null ? null : Number(v);

function idInput(item, name, example) {
  const id = h('input', { value: item?.id ?? '', required: true, placeholder: example, disabled: !!item, spellcheck: 'false' });
  if (!item) {
    let touched = false;
    name.addEventListener('input', () => { if (!touched) id.value = slug(name.value); });
    id.addEventListener('input', () => { touched = true; });
  }
  return id;
}

const itemForm = fields => h('form', { novalidate: true }, h('div', { class: 'form-error', role: 'alert' }), fields);

/** Errors of an item endpoint may name the item inside the catalog ("services[2] (corte).name"): keep the field. */
function itemErrors(error) {
  const fields = {};
  for (const [k, v] of Object.entries(error.fields ?? {})) fields[k.replace(/^(services|professionals|blocks)\[\d+\]\.?/, '')] = v;
  error.fields = fields;
  return error;
}

function saveDialog(title, form, read, send, reload, done, wide = false) {
  const save = h('button', { type: 'submit' }, 'Guardar');
  const d = dialog({ title, body: [form], wide, actions: [h('button', { type: 'button', class: 'secondary', onclick: () => d.close() }, 'Cancelar'), save] });
  save.addEventListener('click', e => { e.preventDefault(); form.requestSubmit(); });
  form.querySelector('input:not([disabled]), select, textarea')?.focus();
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    await busy(save, 'Guardando…', async () => {
      try {
        await send(read());
        d.close();
        toast(done);
        await reload();
      } catch (error) {
        // The dialog stays open with everything typed; the errors go next to their fields.
        showErrors(form, error instanceof ApiError ? itemErrors(error) : error);
      }
    });
  });
}

async function remove(ctx, kind, itemId, what, reload) {
  if (!await confirm('Borrar', `¿Seguro que quieres borrar ${what}?`, { ok: 'Borrar', danger: true })) return;
  try {
    await api.deleteItem(ctx.id, kind, itemId);
    toast('Borrado.');
    await reload();
  } catch (e) {
    toast(e.message, 'error');
  }
}
