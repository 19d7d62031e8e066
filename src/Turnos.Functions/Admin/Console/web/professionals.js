// The professionals list and its dialog: services they do and their weekly hours (or the business's).
import { api } from './api.js';
import { h, clear, field, DAYS } from './ui.js';
import { head, table, editButtons, idInput, itemForm, saveDialog, remove } from './items.js';

export function drawProfessionals(el, doc, ctx, reload) {
  const list = doc.professionals ?? [];
  const serviceName = id => (doc.services ?? []).find(s => s.id === id)?.name ?? id;
  clear(el, head('Profesionales', list.length, h('button', { type: 'button', onclick: () => editProfessional(ctx, null, reload) }, '+ Agregar profesional')),
    table(['Profesional', 'Servicios', 'Horario semanal', ''], list.map(p => h('tr', { dataset: { item: p.id } },
      h('td', {}, h('strong', {}, p.name), h('div', { class: 'muted small' }, [p.id, p.email, p.whatsAppNumber && `📱 ${p.whatsAppNumber}`].filter(Boolean).join(' · '))),
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
  const whatsApp = h('input', { type: 'tel', value: p?.whatsAppNumber ?? '', placeholder: '+5491155551234' });
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
    h('div', { class: 'grid2' },
      field('WhatsApp (opcional)', whatsApp, { name: 'whatsAppNumber', hint: 'Recibe un aviso de cada turno suyo nuevo, cancelado o movido.' })),
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
    whatsAppNumber: whatsApp.value.replace(/[\s-]/g, '') || null,
    services: picks.filter(c => c.checked).map(c => c.value),
    hours: shared.checked ? null : Object.fromEntries(DAYS.map(([key], i) => [key, dayInputs[i].value.split(/[,;]/).map(r => r.trim().replace(/\s*-\s*/, '-')).filter(Boolean)])
      .filter(([, ranges]) => ranges.length)),
  }), item => p ? api.updateItem(ctx.id, 'professionals', p.id, item) : api.createItem(ctx.id, 'professionals', item),
  reload, p ? 'Profesional guardado.' : 'Profesional agregado.', true);
}
