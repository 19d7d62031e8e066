// What the catalog's three lists share: their heading and table, the add/edit dialog with the API's errors beside
// each field, and deleting after a confirmation.
import { api, ApiError } from './api.js';
import { h, dialog, confirm, clearErrors, showErrors, busy, slug, toast } from './ui.js';

export const head = (title, count, add) => h('div', { class: 'page-head' },
  h('div', { class: 'grow' }, h('h2', {}, title, ' ', h('span', { class: 'badge' }, String(count)))), add);

export const table = (columns, rows, empty) => rows.length
  ? h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, c)))), h('tbody', {}, rows)))
  : h('p', { class: 'empty' }, empty);

export const editButtons = (onEdit, onDelete) => h('td', { class: 'actions' },
  h('button', { type: 'button', class: 'secondary small', onclick: onEdit }, 'Editar'), ' ',
  h('button', { type: 'button', class: 'danger secondary small', onclick: onDelete }, 'Borrar'));

export const num = v => v === '' || v === null ? null : Number(v);

export function idInput(item, name, example) {
  const id = h('input', { value: item?.id ?? '', required: true, placeholder: example, disabled: !!item, spellcheck: 'false' });
  if (!item) {
    let touched = false;
    name.addEventListener('input', () => { if (!touched) id.value = slug(name.value); });
    id.addEventListener('input', () => { touched = true; });
  }
  return id;
}

export const itemForm = fields => h('form', { novalidate: true }, h('div', { class: 'form-error', role: 'alert' }), fields);

/** Errors of an item endpoint may name the item inside the catalog ("services[2] (corte).name"): keep the field. */
function itemErrors(error) {
  const fields = {};
  for (const [k, v] of Object.entries(error.fields ?? {})) fields[k.replace(/^(services|professionals|blocks)\[\d+\]\.?/, '')] = v;
  error.fields = fields;
  return error;
}

export function saveDialog(title, form, read, send, reload, done, wide = false) {
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

export async function remove(ctx, kind, itemId, what, reload) {
  if (!await confirm('Borrar', `¿Seguro que quieres borrar ${what}?`, { ok: 'Borrar', danger: true })) return;
  try {
    await api.deleteItem(ctx.id, kind, itemId);
    toast('Borrado.');
    await reload();
  } catch (e) {
    toast(e.message, 'error');
  }
}
