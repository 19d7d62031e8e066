// Catalog: services, professionals with weekly hours, blocks (list, add, edit, delete); the services here, the
// others in professionals.js and blocks.js.
import { api } from './api.js';
import { h, clear, field, toast, money } from './ui.js';
import { head, table, editButtons, num, idInput, itemForm, saveDialog, remove } from './items.js';
import { drawProfessionals } from './professionals.js';
import { drawBlocks } from './blocks.js';

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
