// Conversations whose customer asked for a person, or sent photos nobody has looked at.
import { api } from './api.js';
import { h, clear, loading, errorBox, zoned, dayLabel, whatsAppLink, isPhone, channelLabel, busy, toast, dialog } from './ui.js';

// Nobody has looked at them (no language model read them). Kept ones are here to see; older ones, the person asks for.
const PHOTOS = (n, kept) => kept ? (n === 1 ? '📸 Mandó una foto' : `📸 Mandó ${n} fotos`)
  : n === 1 ? '📸 Mandó una foto: pídesela por WhatsApp' : `📸 Mandó ${n} fotos: pídeselas por WhatsApp`;
const MODES = { booking: 'Estaba reservando', cancelling: 'Quería cancelar', rescheduling: 'Quería cambiar un turno', none: '' };

export async function renderConversations(ctx) {
  const list = h('div', {}, loading('Buscando conversaciones…'));
  clear(ctx.el,
    h('div', { class: 'page-head' }, h('div', { class: 'grow' },
      h('h2', {}, 'Esperan a una persona'),
      h('p', { class: 'muted' }, 'Clientes que pidieron hablar con alguien del negocio o mandaron fotos que nadie miró todavía. Respóndeles y márcalos como atendidos.')),
      h('button', { type: 'button', class: 'secondary', onclick: () => renderConversations(ctx) }, '⟳ Actualizar')),
    list);
  let conversations;
  try { conversations = await api.handoffs(ctx.id); } catch (e) { if (ctx.alive()) clear(list, errorBox(e, () => renderConversations(ctx))); return; }
  if (!ctx.alive()) return;
  ctx.waiting?.(conversations.length);
  if (!conversations.length) return clear(list, h('div', { class: 'card empty' }, 'Nadie está esperando. 🎉'));
  clear(list, h('div', { class: 'table-wrap' }, h('table', { class: 'list', id: 'conversations' },
    h('thead', {}, h('tr', {}, ['Cliente', 'Teléfono', 'Último mensaje', 'Contexto', ''].map(t => h('th', {}, t)))),
    h('tbody', {}, conversations.map(c => {
      const last = c.lastActivityAt ? zoned(c.lastActivityAt, ctx.tz) : null;
      return h('tr', {},
        h('td', {}, h('strong', {}, c.name ?? 'Sin nombre'), c.email ? h('div', { class: 'muted small' }, c.email) : null),
        h('td', { class: 'nowrap' }, channelLabel(c.phone)),
        h('td', { class: 'nowrap' }, last ? `${dayLabel(last.date)}, ${last.time}` : '—'),
        h('td', { class: 'muted' }, MODES[c.mode] ?? c.mode ?? '',
          c.photosForPerson ? h('div', {}, PHOTOS(c.photosForPerson, c.photos?.length),
            c.photos?.length ? h('button', { type: 'button', class: 'link', onclick: () => showPhotos(ctx, c) }, 'Ver fotos') : null) : null),
        h('td', { class: 'actions' }, isPhone(c.phone)
          ? h('a', { class: 'button small', href: whatsAppLink(c.phone), target: '_blank', rel: 'noopener' }, 'Abrir WhatsApp')
          : h('span', { class: 'muted small' }, c.email ? 'Escríbele por email' : 'Sin forma de contacto'),
          attendedButton(ctx, c)));
    })))));
}

// Someone attended the customer: the conversation leaves the list until they ask for a person again.
function attendedButton(ctx, c) {
  return h('button', { type: 'button', class: 'secondary small', 'aria-label': `Marcar atendido: ${c.name ?? channelLabel(c.phone)}`,
    onclick: e => busy(e.currentTarget, 'Guardando…', async () => {
      try {
        await api.attended(ctx.id, c.phone);
        toast('Listo, marcado como atendido.');
        await renderConversations(ctx);
      } catch (error) {
        toast(error.message, 'error');
      }
    }) }, 'Ya lo atendí');
}

// The photos in a dialog: a chat's as the links they are, WhatsApp's read through the API (Twilio keeps them).
function showPhotos(ctx, c) {
  const urls = [];
  const figures = c.photos.map((p, i) => {
    const alt = `Foto ${i + 1} de ${c.name ?? channelLabel(c.phone)}`;
    if (p.link) return h('figure', {}, h('a', { href: p.link, target: '_blank', rel: 'noopener noreferrer' }, h('img', { src: p.link, alt })));
    const figure = h('figure', {}, loading('Trayendo la foto…'));
    api.photo(ctx.id, c.phone, p.id).then(url => { urls.push(url); clear(figure, h('img', { src: url, alt })); })
      .catch(error => clear(figure, h('p', { class: 'muted' }, error.message)));
    return figure;
  });
  dialog({ title: c.photos.length === 1 ? 'Foto que mandó' : 'Fotos que mandó', wide: true, body: [h('div', { class: 'photos' }, figures)],
    onclose: () => urls.forEach(u => URL.revokeObjectURL(u)) });
}
