// What happened around an appointment besides booking it: its reminders, the customer's confirmation and the
// "no asistió" (no-show) mark staff set once it has started.
import { api } from './api.js';
import { h, busy, toast } from './ui.js';

/** Booked, confirmed or not: the appointment still holds its time. */
export const isActive = a => a.status === 'booked' || a.status === 'confirmed';

const REMINDER = {
  pending: ['Pendiente', ''],
  sent: ['Enviado', 'ok'],
  failed: ['Falló', 'danger'],
  skipped: ['No enviado', 'warn'],
};

const SKIPPED = {
  cancelled: 'el turno se canceló',
  rescheduled: 'el turno se movió',
  moved: 'el turno se movió',
  started: 'el turno ya había empezado',
  no_number: 'el negocio no tiene número de WhatsApp',
};

const before = minutes => minutes % 1440 === 0 ? `${minutes / 1440} ${minutes === 1440 ? 'día' : 'días'} antes`
  : minutes % 60 === 0 ? `${minutes / 60} ${minutes === 60 ? 'hora' : 'horas'} antes` : `${minutes} min antes`;

const hhmm = iso => new Date(iso).toLocaleTimeString('es', { hour: '2-digit', minute: '2-digit' });

/** The reminders' list, or null when the appointment was read without them (lists) or has none. */
export function reminderList(a) {
  if (!a.reminders?.length) return null;
  return h('section', { class: 'reminders', 'aria-label': 'Recordatorios' },
    h('h3', {}, 'Recordatorios'),
    h('ul', { id: 'appointment-reminders' }, a.reminders.map(r => {
      const [label, tone] = REMINDER[r.state] ?? [r.state, ''];
      const detail = r.state === 'sent' && r.at ? `a las ${hhmm(r.at)}`
        : r.state === 'failed' ? (r.errorCode === 63016 ? 'fuera de la ventana de 24 h de WhatsApp: configura una plantilla aprobada' : r.reason ?? '')
        : r.state === 'skipped' ? SKIPPED[r.reason] ?? r.reason ?? '' : `el ${r.due.slice(8, 10)}/${r.due.slice(5, 7)} a las ${r.due.slice(11, 16)}`;
      return h('li', { dataset: { state: r.state } }, h('span', { class: `badge ${tone}` }, label), ` ${before(r.minutesBefore)}`,
        detail ? h('span', { class: 'muted small' }, ` · ${detail}`) : null);
    })));
}

/** "Marcar no asistió" (or undo it) for an active appointment whose start has passed; null otherwise. */
export function noShowButton(ctx, a, changed) {
  if (!isActive(a) || new Date(a.startUtc) > new Date()) return null;
  const marked = !!a.noShowAt;
  return h('button', { type: 'button', class: 'secondary', id: 'no-show', onclick: e => busy(e.currentTarget, 'Guardando…', async () => {
    try {
      const updated = await api.noShow(ctx.id, a.id, !marked);
      toast(marked ? 'Se quitó la marca de inasistencia.' : 'Marcado como “no asistió”.');
      changed(updated);
    } catch (error) {
      toast(error.message, 'error');
    }
  }) }, marked ? 'Quitar “no asistió”' : 'Marcar “no asistió”');
}
