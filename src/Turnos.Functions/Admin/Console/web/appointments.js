// The appointments list with filters, and the dialogs to book, see, move and cancel an appointment.
import { api, ApiError } from './api.js';
import { reminderList, noShowButton, isActive } from './attendance.js';
import { h, clear, loading, errorBox, dialog, confirm, field, showErrors, clearErrors, busy, toast, todayIn, addDays, dayLabel, whatsAppLink, isPhone, channelLabel } from './ui.js';

export const STATUS = {
  booked: ['Reservado', 'info'],
  confirmed: ['Confirmado', 'ok'],
  cancelled: ['Cancelado', 'danger'],
  rescheduled: ['Movido', 'warn'],
};
const SOURCE = { whatsapp: 'WhatsApp', admin: 'Consola', api: 'API', chat: 'API de chat', web: 'Chat de la web' };

export const statusBadge = status => h('span', { class: `badge ${STATUS[status]?.[1] ?? ''}` }, STATUS[status]?.[0] ?? status);

/** "martes 24/11, 10:00" from a local 'YYYY-MM-DDTHH:MM'. */
export const when = local => `${dayLabel(local.slice(0, 10))}, ${local.slice(11, 16)}`;
/** "mié 25/11 15:00" */
const shortWhen = local => `${dayLabel(local.slice(0, 10)).slice(0, 3)} ${local.slice(8, 10)}/${local.slice(5, 7)} ${local.slice(11, 16)}`;

export async function renderAppointments(ctx) {
  const doc = ctx.doc;
  const today = todayIn(ctx.tz);
  const from = h('input', { type: 'date', value: ctx.params.desde ?? today });
  const to = h('input', { type: 'date', value: ctx.params.hasta ?? addDays(today, 7) });
  const professional = h('select', {}, h('option', { value: '' }, 'Todos'),
    (doc.professionals ?? []).map(p => h('option', { value: p.id, selected: ctx.params.profesional === p.id }, p.name)));
  const status = h('select', {}, h('option', { value: '' }, 'Todos'),
    Object.entries(STATUS).map(([k, [label]]) => h('option', { value: k, selected: ctx.params.estado === k }, label)));
  const search = h('button', { type: 'submit' }, 'Buscar');
  const results = h('div', {});
  const form = h('form', { class: 'filters', 'aria-label': 'Filtros' },
    field('Desde', from, { name: 'from' }), field('Hasta', to, { name: 'to' }),
    field('Profesional', professional, { name: 'professionalId' }), field('Estado', status, { name: 'status' }),
    search, h('div', { class: 'form-error full-row', role: 'alert' }));
  clear(ctx.el, form, results);

  async function load() {
    clearErrors(form);
    clear(results, loading('Buscando turnos…'));
    let list;
    try {
      list = await api.appointments(ctx.id, { from: from.value, to: to.value, professionalId: professional.value, status: status.value });
    } catch (e) {
      if (!ctx.alive()) return;
      clear(results);
      return e instanceof ApiError && Object.keys(e.fields).length ? showErrors(form, e) : clear(results, errorBox(e, load));
    }
    if (!ctx.alive()) return;
    if (!list.length) return clear(results, h('div', { class: 'card empty' }, 'No hay turnos con esos filtros.'));
    clear(results,
      h('p', { class: 'muted small' }, `${list.length} ${list.length === 1 ? 'turno' : 'turnos'}`),
      h('div', { class: 'table-wrap' }, h('table', { class: 'list', id: 'appointments' },
        h('thead', {}, h('tr', {}, ['Día y hora', 'Servicio', 'Profesional', 'Cliente', 'Teléfono', 'Estado', 'Código'].map(t => h('th', {}, t)))),
        h('tbody', {}, list.map(a => h('tr', { class: 'clickable', tabindex: 0, dataset: { appointment: a.id },
          onclick: () => openAppointment(ctx, a, load), onkeydown: e => { if (e.key === 'Enter') openAppointment(ctx, a, load); } },
          h('td', { class: 'nowrap' }, when(a.start)),
          h('td', {}, serviceNames(a)),
          h('td', {}, professionalNames(a)),
          h('td', {}, a.customer?.name ?? ''),
          h('td', { class: 'nowrap' }, channelLabel(a.customer?.phone)),
          h('td', {}, statusBadge(a.status)),
          h('td', { class: 'muted' }, a.code)))))));
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    await busy(search, 'Buscando…', load);
  });
  await load();
}

/** Book for a customer: { date, time, professionalId, serviceId } prefilled. Calls done(appointment) when booked. */
export function openBooking(ctx, { date, time, professionalId, serviceId }, done) {
  const doc = ctx.doc;
  const services = doc.services ?? [];
  const offers = pid => services.filter(s => !pid || (doc.professionals ?? []).find(p => p.id === pid)?.services?.includes(s.id));
  const professional = h('select', {}, (doc.professionals ?? []).map(p => h('option', { value: p.id, selected: p.id === professionalId }, p.name)));
  const service = h('select', {});
  const fillServices = () => {
    const keep = service.value || serviceId;
    const list = offers(professional.value);
    clear(service, list.map(s => h('option', { value: s.id, selected: s.id === keep }, `${s.name} · ${s.durationMinutes} min`)));
  };
  professional.addEventListener('change', fillServices);
  fillServices();
  // A visit: more services after the first, back to back ("corte y barba"); the API plans who does each.
  const next = [0, 1].map(() => h('select', {}, [h('option', { value: '' }, '—'),
    ...services.map(s => h('option', { value: s.id }, `${s.name} · ${s.durationMinutes} min`))]));
  const visit = () => [service.value, ...next.map(n => n.value).filter(Boolean)];
  const start = h('input', { type: 'datetime-local', value: `${date}T${time}`, step: 300, required: true });
  const name = h('input', { autocomplete: 'off', required: true, placeholder: 'Ana Pérez' });
  const phone = h('input', { type: 'tel', autocomplete: 'off', required: true, placeholder: '+5491155550000' });
  const email = h('input', { type: 'email', autocomplete: 'off', placeholder: 'ana@ejemplo.com' });
  const alternatives = h('div', { class: 'alternatives', 'aria-label': 'Otros horarios' });
  const save = h('button', { type: 'submit', form: 'booking' }, 'Reservar turno');
  const form = h('form', { id: 'booking', novalidate: true },
    h('div', { class: 'form-error', role: 'alert' }), alternatives,
    h('div', { class: 'grid2' }, field('Profesional', professional, { name: 'professionalId' }), field('Servicio', service, { name: 'serviceId' })),
    h('div', { class: 'grid2' }, field('Y después (opcional)', next[0], { name: 'serviceIds', hint: 'Otro servicio en la misma visita.' }),
      field('Y al final (opcional)', next[1])),
    field('Día y hora', start, { name: 'start' }),
    h('h3', {}, 'Cliente'),
    field('Nombre', name, { name: 'customer.name' }),
    h('div', { class: 'grid2' },
      field('Teléfono', phone, { name: 'customer.phone', hint: 'Con + y código de país.' }),
      field('Email (opcional)', email, { name: 'customer.email', hint: 'Para mandarle la invitación.' })));
  const d = dialog({ title: 'Nuevo turno', body: [form],
    actions: [h('button', { type: 'button', class: 'secondary', onclick: () => d.close() }, 'Cancelar'), save] });
  name.focus();
  // One key per dialog: a retried click never books twice.
  const idempotencyKey = crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    clear(alternatives);
    const services = visit();
    const booking = {
      serviceId: service.value, professionalId: professional.value, start: start.value,
      ...(services.length > 1 ? { serviceIds: services } : {}),
      customer: { name: name.value.trim(), phone: phone.value.replace(/[\s()-]/g, ''), email: email.value.trim() || null },
      idempotencyKey: `${idempotencyKey}|${professional.value}|${services.join('+')}|${start.value}`,
    };
    await busy(save, 'Reservando…', async () => {
      try {
        const appointment = await api.book(ctx.id, booking);
        d.close();
        toast(`Turno reservado: ${appointment.customer?.name ?? booking.customer.name}, ${when(appointment.start)}. Código ${appointment.code}.`);
        done?.(appointment);
      } catch (error) {
        showErrors(form, error);
        offerAlternatives(ctx, error, alternatives, professional.value, alt => {
          professional.value = alt.professionalId;
          fillServices();
          start.value = alt.start;
        });
      }
    });
  });
}

/** Every service of the appointment ("Corte de cabello + Barba" for a visit). */
export function serviceNames(a) {
  return a.services?.length ? a.services.map(s => s.serviceName ?? s.serviceId).join(' + ') : a.serviceName ?? a.serviceId;
}

/** Whoever takes part, once each, in order. */
function professionalNames(a) {
  const names = (a.services ?? []).map(s => s.professionalName ?? s.professionalId);
  return names.length ? [...new Set(names)].join(', ') : a.professionalName ?? a.professionalId;
}

/** Free times offered with a refusal, as buttons; the professional is named when it is not the one asked for. */
function offerAlternatives(ctx, error, box, asked, pick) {
  const alts = error instanceof ApiError ? error.alternatives : [];
  if (!alts.length) return;
  const who = id => (ctx.doc.professionals ?? []).find(p => p.id === id)?.name ?? id;
  clear(box, h('span', { class: 'small muted' }, 'Horarios libres cercanos:'), alts.map(a =>
    h('button', { type: 'button', class: 'secondary small', onclick: () => { pick(a); clear(box); } },
      `${shortWhen(a.start)}${a.professionalId === asked ? '' : ` · ${who(a.professionalId)}`}`)));
}

/** See one appointment; move or cancel it when it is booked. Calls changed() after a change. */
export function openAppointment(ctx, a, changed) {
  const doc = ctx.doc;
  const d = dialog({ title: `Turno ${a.code}`, body: [], actions: [] });
  const draw = a => {
    clear(d.body,
      h('dl', { class: 'details' },
        h('dt', {}, 'Estado'), h('dd', { id: 'appointment-status' }, statusBadge(a.status),
          a.noShowAt ? h('span', { class: 'badge danger' }, 'No asistió') : null),
        h('dt', {}, 'Día y hora'), h('dd', { id: 'appointment-when' }, `${when(a.start)} a ${a.end.slice(11, 16)}`),
        h('dt', {}, (a.services?.length ?? 1) > 1 ? 'Servicios' : 'Servicio'), h('dd', { id: 'appointment-services' }, (a.services?.length ?? 1) > 1
          ? a.services.map(s => h('div', {}, `${s.start.slice(11, 16)} ${s.serviceName ?? s.serviceId} · ${s.professionalName ?? s.professionalId}`))
          : a.serviceName ?? a.serviceId),
        h('dt', {}, 'Profesional'), h('dd', {}, professionalNames(a)),
        h('dt', {}, 'Cliente'), h('dd', { id: 'appointment-customer' }, a.customer?.name ?? ''),
        h('dt', {}, 'Teléfono'), h('dd', {}, isPhone(a.customer?.phone) ? h('a', { href: whatsAppLink(a.customer.phone), target: '_blank', rel: 'noopener' }, a.customer.phone) : channelLabel(a.customer?.phone)),
        h('dt', {}, 'Email'), h('dd', {}, a.customer?.email ?? '—'),
        h('dt', {}, 'Reservado por'), h('dd', {}, SOURCE[a.source] ?? a.source ?? '—'),
        h('dt', {}, 'Código'), h('dd', {}, a.code)),
      a.status === 'rescheduled' && a.rescheduledToId
        ? h('p', {}, 'Este turno se movió a otro horario. ', h('button', { type: 'button', class: 'link', onclick: () => show(a.rescheduledToId) }, 'Ver el nuevo'))
        : null,
      reminderList(a));
    d.setActions(isActive(a)
      ? [h('button', { type: 'button', class: 'danger secondary left', onclick: e => cancel(a, e.currentTarget) }, 'Cancelar turno'),
        noShowButton(ctx, a, updated => { draw({ ...updated, reminders: a.reminders }); changed?.(); }),
        h('button', { type: 'button', class: 'secondary', onclick: () => move(a) }, 'Mover'),
        h('button', { type: 'button', onclick: () => d.close() }, 'Cerrar')]
      : [h('button', { type: 'button', onclick: () => d.close() }, 'Cerrar')]);
  };

  async function show(id) {
    clear(d.body, loading());
    try { draw(await api.appointment(ctx.id, id)); } catch (e) { clear(d.body, errorBox(e)); }
  }

  async function cancel(a, button) {
    if (!await confirm('Cancelar turno', `¿Cancelar el turno de ${a.customer?.name ?? 'este cliente'} del ${when(a.start)}? El horario queda libre.`,
      { ok: 'Sí, cancelar', cancel: 'No', danger: true })) return;
    await busy(button, 'Cancelando…', async () => {
      try {
        draw(await api.cancel(ctx.id, a.id));
        toast('Turno cancelado. El horario quedó libre.');
        changed?.();
      } catch (e) {
        toast(e.message, 'error');
      }
    });
  }

  function move(a) {
    const start = h('input', { type: 'datetime-local', value: a.start, step: 300, required: true });
    const isVisit = (a.services?.length ?? 1) > 1;
    // A visit keeps who does each service unless one professional is picked to do all they can.
    const professional = h('select', {}, [...(isVisit ? [h('option', { value: '', selected: true }, 'Los mismos profesionales')] : []),
      ...(doc.professionals ?? []).filter(p => (p.services ?? []).includes(a.serviceId))
        .map(p => h('option', { value: p.id, selected: !isVisit && p.id === a.professionalId }, p.name))]);
    const alternatives = h('div', { class: 'alternatives' });
    const save = h('button', { type: 'submit', form: 'move' }, 'Mover turno');
    const form = h('form', { id: 'move', novalidate: true },
      h('p', {}, `${a.customer?.name ?? 'Cliente'} · ${serviceNames(a)} · ahora: ${when(a.start)}`),
      h('div', { class: 'form-error', role: 'alert' }), alternatives,
      h('div', { class: 'grid2' }, field('Nuevo día y hora', start, { name: 'start' }), field('Profesional', professional, { name: 'professionalId' })));
    clear(d.body, form);
    d.setActions(h('button', { type: 'button', class: 'secondary', onclick: () => draw(a) }, 'Volver'), save);
    start.focus();
    form.addEventListener('submit', async e => {
      e.preventDefault();
      clear(alternatives);
      await busy(save, 'Moviendo…', async () => {
        try {
          const moved = await api.reschedule(ctx.id, a.id, { start: start.value, professionalId: professional.value || null });
          draw(moved);
          d.el.querySelector('header h2').textContent = `Turno ${moved.code}`;
          toast(`Turno movido al ${when(moved.start)}.`);
          changed?.();
        } catch (error) {
          showErrors(form, error);
          offerAlternatives(ctx, error, alternatives, professional.value, alt => { start.value = alt.start; professional.value = alt.professionalId; });
        }
      });
    });
  }

  draw(a);
  // The list gives no reminders; the appointment read alone does.
  api.appointment(ctx.id, a.id).then(full => { if (d.el.open && d.body.querySelector('.details')) draw(full); }, () => {});
}
