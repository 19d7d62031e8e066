// Blocks (holidays, time off): whole days or a range of hours, for the business or one professional.
import { api } from './api.js';
import { h, clear, field, zoned, dayLabel, addDays } from './ui.js';
import { head, table, editButtons, itemForm, saveDialog, remove } from './items.js';

export function drawBlocks(el, doc, ctx, reload) {
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
