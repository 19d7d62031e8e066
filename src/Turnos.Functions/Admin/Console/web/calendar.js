// "Conectar calendario": the link (open in a popup or copy), the connection status, reconnect and disconnect.
import { api } from './api.js';
import { h, clear, loading, errorBox, toast, busy, confirm, zoned } from './ui.js';

const POLL_MS = 2000;

export async function renderCalendar(ctx) {
  const status = h('div', { class: 'card', id: 'calendar-status' }, loading('Consultando el calendario…'));
  const linkCard = h('div', { class: 'card', id: 'calendar-link', hidden: true });
  clear(ctx.el, status, linkCard,
    h('p', { class: 'muted small' }, 'Con el calendario conectado, cada turno aparece en Google Calendar con invitación al cliente, ',
      'y los horarios ocupados en Google no se ofrecen por WhatsApp.'));
  let popup = null, timer = null;
  const stopPolling = () => { clearInterval(timer); timer = null; };

  async function refresh({ quiet = false } = {}) {
    let s;
    try { s = await api.calendar(ctx.id); } catch (e) { if (!quiet && ctx.alive()) clear(status, errorBox(e, () => refresh())); return null; }
    if (!ctx.alive()) { stopPolling(); return null; }
    drawStatus(s);
    return s;
  }

  function drawStatus(s) {
    const failed = s.failedEvents ?? [];
    const failedNote = failed.length ? h('div', { class: 'notice' },
      `${failed.length === 1 ? 'Un turno no pudo' : `${failed.length} turnos no pudieron`} pasar al calendario después de varios intentos. `,
      'Los turnos siguen en pie; revisa el calendario de Google.') : null;
    if (s.configured === false || s.status === 'not configured') {
      clear(status, h('h2', {}, 'Google Calendar'),
        h('div', { class: 'status-line' }, h('span', { class: 'badge' }, 'No disponible')),
        h('p', {}, 'El calendario de Google no está configurado en este servidor. Pídele a quien administra Turnos que lo active.'));
      return;
    }
    if (s.connected) {
      clear(status, h('h2', {}, 'Google Calendar'),
        h('div', { class: 'status-line' }, h('span', { class: 'badge ok', id: 'calendar-state' }, '✓ Conectado'),
          h('span', {}, 'con ', h('strong', { id: 'calendar-email' }, s.calendarEmail ?? 'la cuenta de Google'))),
        s.connectedAt ? h('p', { class: 'muted small' }, `Desde el ${when(s.connectedAt, ctx.tz)}.`) : null,
        failedNote,
        h('div', { class: 'row' },
          h('button', { type: 'button', class: 'secondary', onclick: e => connect(e.currentTarget) }, 'Conectar otra cuenta'),
          h('button', { type: 'button', class: 'danger secondary', onclick: e => disconnect(e.currentTarget) }, 'Desconectar')));
      return;
    }
    if (s.needsReconnect) {
      clear(status, h('h2', {}, 'Google Calendar'),
        h('div', { class: 'status-line' }, h('span', { class: 'badge warn', id: 'calendar-state' }, 'Desconectado')),
        h('p', {}, 'Google dejó de aceptar el acceso al calendario', s.calendarEmail ? ` de ${s.calendarEmail}` : '', '. Hay que reconectarlo.'),
        s.disconnectedReason ? h('p', { class: 'muted small' }, `Motivo: ${reason(s.disconnectedReason)}`) : null,
        failedNote,
        h('div', { class: 'row' }, h('button', { type: 'button', onclick: e => {
          if (s.reconnectAuthorizationUrl) showLink({ authorizationUrl: s.reconnectAuthorizationUrl, shareableLink: s.reconnectLink, expiresAt: s.reconnectLinkExpiresAt }, true);
          else connect(e.currentTarget);
        } }, 'Reconectar')));
      return;
    }
    clear(status, h('h2', {}, 'Google Calendar'),
      h('div', { class: 'status-line' }, h('span', { class: 'badge', id: 'calendar-state' }, 'No conectado')),
      s.disconnectedReason ? h('p', { class: 'muted small' }, `Motivo: ${reason(s.disconnectedReason)}`) : null,
      h('p', {}, 'Conecta el calendario de Google del negocio. Puedes hacerlo tú o compartir el link con quien tenga la cuenta.'),
      failedNote,
      h('div', { class: 'row' }, h('button', { type: 'button', onclick: e => connect(e.currentTarget) }, 'Conectar calendario')));
  }

  async function connect(button) {
    await busy(button, 'Generando link…', async () => {
      try { showLink(await api.connectCalendar(ctx.id), false); } catch (e) { toast(e.message, 'error'); }
    });
  }

  function showLink(link, reconnecting) {
    const input = h('input', { readonly: true, value: link.shareableLink ?? link.authorizationUrl, 'aria-label': 'Link para conectar', onfocus: e => e.target.select() });
    const note = h('p', { class: 'muted small', role: 'status' });
    const open = h('button', { type: 'button', onclick: () => openPopup(link.authorizationUrl ?? link.shareableLink, note) }, 'Abrir ahora');
    const copy = h('button', { type: 'button', class: 'secondary', onclick: () => copyLink(input, copy) }, 'Copiar link');
    const expires = link.expiresAt ? ` Vence a las ${zoned(link.expiresAt, ctx.tz).time} y sirve una sola vez.` : '';
    clear(linkCard,
      h('h2', {}, reconnecting ? 'Link para reconectar' : 'Link para conectar'),
      h('p', {}, 'Ábrelo tú ahora o cópialo y envíaselo a quien tenga la cuenta de Google del negocio.', expires),
      h('div', { class: 'connect-link' }, input, copy, open),
      note);
    linkCard.hidden = false;
  }

  function openPopup(url, note) {
    popup = window.open(url, 'turnos-google', 'popup,width=520,height=700');
    if (!popup) {
      note.textContent = 'Tu navegador bloqueó la ventana. Usa “Copiar link” y ábrelo en otra pestaña.';
      return;
    }
    note.textContent = 'Esperando que termines en la ventana de Google…';
    stopPolling();
    timer = setInterval(async () => {
      if (!ctx.alive()) return stopPolling();
      const closed = popup.closed;
      const s = await refresh({ quiet: true });
      if (s?.connected) {
        stopPolling();
        linkCard.hidden = true;
        toast(`¡Listo! Calendario conectado con ${s.calendarEmail ?? 'Google'}.`);
      } else if (closed) {
        stopPolling();
        note.textContent = 'Se cerró la ventana sin conectar el calendario. Puedes intentarlo otra vez.';
      }
    }, POLL_MS);
  }

  async function copyLink(input, button) {
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      input.select();
      document.execCommand?.('copy');
    }
    button.textContent = '✓ Copiado';
    setTimeout(() => { button.textContent = 'Copiar link'; }, 2000);
  }

  async function disconnect(button) {
    if (!await confirm('Desconectar calendario', 'Los turnos nuevos dejarán de aparecer en Google Calendar. ¿Desconectar?', { ok: 'Desconectar', danger: true })) return;
    await busy(button, 'Desconectando…', async () => {
      try { await api.disconnectCalendar(ctx.id); toast('Calendario desconectado.'); await refresh(); } catch (e) { toast(e.message, 'error'); }
    });
  }

  await refresh();
}

function reason(text) {
  if (/invalid_grant|no longer accepts/i.test(text)) return 'Google ya no acepta el permiso guardado (se revocó o venció).';
  if (/by an administrator/i.test(text)) return 'Lo desconectó un administrador.';
  return text;
}

function when(instant, tz) {
  const { date, time } = zoned(instant, tz);
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} a las ${time}`;
}
