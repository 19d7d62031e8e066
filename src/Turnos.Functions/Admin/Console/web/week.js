// The week: one column per day and professional, one row per slot, coloured from the availability API
// (solo_disponibles=false, staff detail); bookings drawn where the appointments really are.
import { api } from './api.js';
import { isActive } from './attendance.js';
import { h, clear, loading, errorBox, toast, todayIn, addDays, mondayOf, dayLabel, rangeLabel } from './ui.js';
import { openBooking, openAppointment, serviceNames } from './appointments.js';

const minutes = t => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = m => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Local 'YYYY-MM-DDTHH:MM' of a date plus minutes after its midnight. */
const at = (date, m) => `${addDays(date, Math.floor(m / 1440))}T${clock(m % 1440)}`;
const firstName = name => (name ?? '').split(' ')[0];

export async function renderWeek(ctx) {
  const doc = ctx.doc;
  const interval = doc.policy?.slotIntervalMinutes ?? 30;
  const state = {
    start: mondayOf(ctx.params.fecha ?? todayIn(ctx.tz)),
    service: ctx.params.servicio ?? '',
    professional: ctx.params.profesional ?? '',
  };
  const professionals = doc.professionals ?? [];
  const services = doc.services ?? [];
  if (!services.length || !professionals.length) {
    return clear(ctx.el, h('div', { class: 'card empty' },
      h('p', {}, 'Para ver la agenda, primero agrega servicios y profesionales.'),
      h('a', { class: 'button', href: `#/negocios/${encodeURIComponent(ctx.id)}/catalogo` }, 'Ir al catálogo')));
  }

  const title = h('span', { class: 'week-title', id: 'week-title' });
  const service = h('select', { 'aria-label': 'Servicio' }, h('option', { value: '' }, 'Todos los servicios'),
    services.map(s => h('option', { value: s.id, selected: s.id === state.service }, `${s.name} (${s.durationMinutes} min)`)));
  const professional = h('select', { 'aria-label': 'Profesional' }, h('option', { value: '' }, 'Todo el equipo'),
    professionals.map(p => h('option', { value: p.id, selected: p.id === state.professional }, p.name)));
  const grid = h('div', {});
  const move = days => { state.start = addDays(state.start, days); load(); };
  clear(ctx.el,
    h('div', { class: 'week-controls' },
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': 'Semana anterior', onclick: () => move(-7) }, '‹'),
        title,
        h('button', { type: 'button', class: 'secondary', 'aria-label': 'Semana siguiente', onclick: () => move(7) }, '›'),
        h('button', { type: 'button', class: 'ghost', onclick: () => { state.start = mondayOf(todayIn(ctx.tz)); load(); } }, 'Hoy')),
      h('span', { class: 'spacer' }),
      h('div', { class: 'field' }, h('label', {}, 'Servicio'), service),
      h('div', { class: 'field' }, h('label', {}, 'Profesional'), professional),
      h('button', { type: 'button', class: 'secondary', title: 'Actualizar', onclick: () => load() }, '⟳ Actualizar'),
      h('button', { type: 'button', onclick: () => openBooking(ctx, { date: todayIn(ctx.tz), time: '', professionalId: state.professional || professionals[0].id,
        serviceId: state.service }, () => load()) }, '+ Nuevo turno')),
    h('div', { class: 'legend' },
      h('span', { class: 'l-free' }, 'Libre'), h('span', { class: 'l-booked' }, 'Reservado'), h('span', { class: 'l-blocked' }, 'Bloqueado'),
      h('span', { class: 'l-outside' }, 'Fuera de horario'), h('span', { class: 'l-past' }, 'Ya pasó'), h('span', { class: 'l-unavailable' }, 'No disponible')),
    grid);
  service.addEventListener('change', () => { state.service = service.value; load(); });
  professional.addEventListener('change', () => { state.professional = professional.value; load(); });

  let run = 0;
  async function load() {
    const mine = ++run;
    const end = addDays(state.start, 6);
    title.textContent = rangeLabel(state.start, end);
    const params = new URLSearchParams(Object.entries({ fecha: state.start, servicio: state.service, profesional: state.professional }).filter(([, v]) => v));
    history.replaceState(null, '', `#/negocios/${encodeURIComponent(ctx.id)}/semana?${params}`);
    clear(grid, loading('Cargando la semana…'));
    const common = { negocio: ctx.id, fecha: state.start, rango_dias: 7, intervalo_minutos: interval, solo_disponibles: 'false' };
    // One service: its real availability. All: each professional's free time in slot-sized pieces.
    const asks = state.service
      ? [{ ...common, servicio_id: state.service, profesional_id: state.professional || undefined }]
      : professionals.filter(p => (p.services ?? []).length && (!state.professional || p.id === state.professional))
        .map(p => ({ ...common, servicio_id: p.services[0], profesional_id: p.id, duracion: Math.max(15, interval) }));
    let answers, appointments;
    try {
      [appointments, ...answers] = await Promise.all([
        api.appointments(ctx.id, { from: state.start, to: end, status: 'booked', professionalId: state.professional || undefined }),
        ...asks.map(a => api.availability(a)),
      ]);
    } catch (e) {
      if (mine === run && ctx.alive()) clear(grid, errorBox(e, load));
      return;
    }
    if (mine !== run || !ctx.alive()) return;
    draw(answers, appointments, end);
  }

  function draw(answers, appointments, end) {
    // date → professional id → { name, slots: hora → slot, hours }
    const days = new Map();
    for (let i = 0; i < 7; i++) days.set(addDays(state.start, i), new Map());
    const seen = new Set();
    for (const answer of answers) for (const day of answer?.disponibilidad_por_fecha ?? []) {
      const pros = days.get(day.fecha);
      if (!pros) continue;
      for (const p of day.profesionales ?? []) {
        seen.add(p.profesional_id);
        pros.set(p.profesional_id, { name: p.nombre, hours: p.horario_laboral, slots: new Map((p.slots ?? []).map(s => [s.hora, s])) });
      }
    }
    const columns = professionals.filter(p => seen.has(p.id));
    if (!columns.length) return clear(grid, h('div', { class: 'card empty' }, 'Nadie hace ese servicio.'));
    // A visit split across professionals shows in each one's column at the times of their part.
    const partsOf = (a, pid) => (a.services?.length ?? 0) > 1
      ? a.services.filter(x => x.professionalId === pid).map(x => ({ ...a, start: x.start, end: x.end, serviceName: x.serviceName, visit: a }))
      : a.professionalId === pid ? [a] : [];
    const byPro = new Map(columns.map(p => [p.id, appointments.filter(isActive).flatMap(a => partsOf(a, p.id))]));

    // Rows: from the earliest start to the latest end of anyone's hours this week.
    let first = Infinity, last = -Infinity;
    for (const pros of days.values()) for (const p of pros.values()) if (p.hours) {
      first = Math.min(first, minutes(p.hours.inicio));
      last = Math.max(last, minutes(p.hours.fin) <= minutes(p.hours.inicio) ? minutes(p.hours.fin) + 1440 : minutes(p.hours.fin));
    }
    for (const a of appointments) if (a.start.slice(0, 10) >= state.start && a.start.slice(0, 10) <= end) {
      first = Math.min(first, Math.floor(minutes(a.start.slice(11)) / interval) * interval);
      last = Math.max(last, a.end.slice(0, 10) === a.start.slice(0, 10) ? minutes(a.end.slice(11)) : 1440);
    }
    if (first === Infinity) return clear(grid, h('div', { class: 'card empty' }, 'Nadie trabaja esta semana.'));
    first = Math.floor(first / interval) * interval;
    const rows = [];
    for (let m = first; m < last; m += interval) rows.push(m);

    // cells[column][row] = { kind, label, title, appointment, span }
    const today = todayIn(ctx.tz);
    const columnsList = [...days.keys()].flatMap(date => columns.map(p => ({ date, p })));
    const cells = columnsList.map(({ date, p }) => {
      const info = days.get(date).get(p.id);
      const list = byPro.get(p.id) ?? [];
      const column = rows.map(m => cell(date, m, info, list));
      // A booking taking several rows becomes one tall cell.
      for (let r = 1; r < column.length; r++) {
        const prev = column.slice(0, r).reverse().find(c => !c.covered);
        if (column[r].appointment && prev?.appointment?.id === column[r].appointment.id) { prev.span++; column[r].covered = true; }
      }
      return column;
    });

    function cell(date, m, info, list) {
      const from = at(date, m), to = at(date, m + interval);
      const booked = list.find(a => a.start < to && a.end > from);
      if (booked) return { kind: 'booked', appointment: booked, span: 1, label: `${booked.customer?.name ?? ''} · ${booked.serviceName ?? ''}`,
        title: `${booked.start.slice(11, 16)}–${booked.end.slice(11, 16)} ${booked.customer?.name ?? ''} (${serviceNames(booked)})` };
      const slot = info?.slots.get(clock(m % 1440));
      const inHours = info?.hours && m >= minutes(info.hours.inicio) && m < minutes(info.hours.fin);
      if (!slot) return inHours ? { kind: 'unavailable', span: 1, title: 'El servicio no entra en este horario' } : { kind: 'outside', span: 1, title: 'Fuera de horario' };
      if (slot.disponible) return { kind: 'free', span: 1, title: 'Libre: clic para reservar' };
      switch (slot.razon_no_disponible) {
        case 'reservado':
          if (slot.cita_id && !list.some(a => a.id === slot.cita_id)) {
            return { kind: 'booked', span: 1, appointment: { id: slot.cita_id }, label: slot.cliente_nombre ?? 'Reservado', title: slot.cliente_nombre ?? 'Reservado' };
          }
          return slot.cita_id ? { kind: 'unavailable', span: 1, title: 'El servicio no entra antes del próximo turno' }
            : { kind: 'busy', span: 1, label: 'Google', title: slot.nota_interna ?? 'Ocupado en Google Calendar' };
        case 'bloqueado': return { kind: 'blocked', span: 1, label: slot.nota_interna ?? '', title: `Bloqueado${slot.nota_interna ? `: ${slot.nota_interna}` : ''}` };
        case 'fuera_de_horario': case 'dia_cerrado': return { kind: 'outside', span: 1, title: 'Fuera de horario' };
        case 'pasado': return { kind: 'past', span: 1, title: 'Ya pasó' };
        case 'muy_pronto': return { kind: 'past', span: 1, title: 'Muy pronto: no cumple la anticipación mínima' };
        case 'fuera_de_rango': return { kind: 'unavailable', span: 1, title: 'Fuera del plazo de reservas' };
        default: return { kind: 'unavailable', span: 1, title: 'No disponible' };
      }
    }

    // Blocks say their reason once, at their first row.
    for (const column of cells) for (let r = column.length - 1; r > 0; r--)
      if (column[r].kind === 'blocked' && column[r - 1].kind === 'blocked' && column[r].label === column[r - 1].label) column[r].label = '';

    const narrow = columns.length > 2;
    const table = h('table', { class: 'week', id: 'week' },
      h('colgroup', {}, h('col', { class: 'time' }), columnsList.map(() => h('col', {}))),
      h('thead', {},
        h('tr', {}, h('th', { class: 'time', rowspan: 2 }, ''), [...days.keys()].map(date =>
          h('th', { class: `day${date === today ? ' today' : ''}`, colspan: columns.length }, dayLabel(date)))),
        h('tr', {}, [...days.keys()].flatMap(() => columns.map((p, i) => h('th', { class: i === 0 ? 'first' : '', title: p.name }, firstName(p.name)))))),
      h('tbody', {}, rows.map((m, r) => h('tr', {},
        h('td', { class: 'time' }, m % 60 === 0 || interval < 30 || r === 0 ? clock(m % 1440) : ''),
        cells.map((column, c) => {
          const x = column[r];
          if (x.covered) return null;
          const { date, p } = columnsList[c];
          const classes = [x.kind, c % columns.length === 0 ? 'first' : '', narrow ? 'narrow' : ''].filter(Boolean).join(' ');
          const time = clock(m % 1440);
          const data = { date, time, professional: p.id, kind: x.kind };
          let content;
          if (x.kind === 'free') {
            content = h('button', { type: 'button', class: 'slot', title: `${x.title} · ${p.name} ${time}`, 'aria-label': `Reservar con ${p.name} el ${dayLabel(date)} a las ${time}`, dataset: data,
              onclick: () => openBooking(ctx, { date, time, professionalId: p.id, serviceId: state.service }, () => load()) });
          } else if (x.kind === 'booked') {
            content = h('button', { type: 'button', class: 'slot', title: x.title, dataset: { ...data, appointment: x.appointment.id },
              onclick: () => showAppointment(x.appointment) }, x.label);
          } else {
            content = h('div', { class: 'slot', title: x.title, dataset: data }, x.label ?? '');
          }
          return h('td', { class: classes, rowspan: x.span > 1 ? x.span : null }, content);
        })))));
    clear(grid, h('div', { class: 'week-wrap' }, table));
    // Start at the working day, not at midnight.
    grid.querySelector('.week-wrap').scrollTop = 0;
  }

  async function showAppointment(a) {
    let full = a.visit ?? a;
    if (!a.start) {
      try { full = await api.appointment(ctx.id, a.id); } catch (e) { return toast(e.message, 'error'); }
    }
    openAppointment(ctx, full, () => load());
  }

  await load();
}
