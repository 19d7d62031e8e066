// What a person reads when a call fails: the API's ProblemDetails (English) or /api/v1 envelope (Spanish), as a
// Spanish message for the form and one per field.

/** ProblemDetails as is; the /api/v1 envelope ({ success: false, error: { codigo, mensaje, campo } }) made to look like one. */
export function normalize(data) {
  if (data && data.success === false && data.error) {
    const e = data.error;
    return { title: e.codigo, detail: e.mensaje, errors: e.campo ? { [e.campo]: [e.mensaje] } : undefined, spanish: true, ...e };
  }
  const problem = data && typeof data === 'object' ? data : {};
  // A 409 that names its field ("field": "id") is shown next to that field.
  if (problem.field && !problem.errors && problem.detail) problem.errors = { [problem.field]: [problem.detail] };
  return problem;
}

const REASONS = {
  booked: 'Ese horario ya no está libre.',
  blocked: 'Ese horario está bloqueado (feriado o ausencia).',
  outsideHours: 'Está fuera del horario de atención.',
  closedDay: 'Ese día no se atiende.',
  tooSoon: 'Falta muy poco para esa hora: no cumple la anticipación mínima.',
  past: 'Esa hora ya pasó.',
  beyondHorizon: 'Esa fecha está demasiado adelante para reservar.',
};

/** The message a person reads for a failed call. */
export function describe(status, problem, method) {
  if (problem.spanish && problem.detail) return problem.detail;
  if (REASONS[problem.reason]) return REASONS[problem.reason];
  const detail = problem.detail ?? '';
  if (status === 401) return 'Tu clave no es válida o ya no está activa. Vuelve a entrar.';
  if (status === 403) return 'Tu clave no tiene permiso para hacer esto.';
  if (status === 404) return /business/i.test(detail) && !/appointment|service|professional|block/i.test(detail)
    ? 'No encontramos ese negocio (o tu clave no tiene acceso a él).'
    : 'No lo encontramos: puede que alguien lo haya borrado. Recarga la página.';
  if (status === 409) {
    if ((problem.alternatives ?? problem.alternativas)?.length || /slot|taken|available|overlap|booked/i.test(detail + (problem.title ?? '')))
      return 'Ese horario ya no está libre.';
    return spanish(detail) ?? 'Alguien cambió esto al mismo tiempo. Recarga e intenta de nuevo.';
  }
  if (status === 400 || status === 422) {
    if (problem.errors && Object.keys(problem.errors).length) return 'Revisa los datos marcados.';
    return spanish(detail) ?? spanish(problem.title ?? '') ?? 'Revisa los datos e intenta de nuevo.';
  }
  if (status === 503 && /Google/i.test(detail)) return 'El calendario de Google no está configurado en este servidor.';
  if (status === 502) return 'Google no respondió como esperábamos. Intenta de nuevo en un rato.';
  if (status === 429) return 'Demasiados pedidos seguidos. Espera un momento e intenta de nuevo.';
  if (status >= 500) return 'Algo salió mal en el servidor. Intenta de nuevo en un momento.';
  return spanish(detail) ?? (method === 'GET' ? 'No pudimos cargar los datos.' : 'No pudimos guardar los cambios.');
}

// The API speaks English in ProblemDetails; the usual messages get a Spanish wording, the rest shows as is.
const WORDING = [
  [/is required|must not be (empty|blank)|cannot be empty|is empty/i, 'Es obligatorio.'],
  [/not an E\.164|E\.164/i, 'Escríbelo con + y código de país, por ejemplo +5491155550000.'],
  [/time ?zone/i, 'No conocemos esa zona horaria. Ejemplo: America/Argentina/Buenos_Aires.'],
  [/valid id|lowercase letters/i, 'Solo minúsculas, números y guiones (máximo 40), por ejemplo: peluqueria-centro.'],
  [/not an email|email address|valid email/i, 'Ese email no parece válido.'],
  [/listed twice/i, 'Está repetido.'],
  [/There is already a business/i, 'Ya existe un negocio con ese código.'],
  [/already has a/i, 'Ya existe uno con ese código.'],
  [/already belongs to/i, 'Ese número ya es de otro negocio.'],
  [/(already|is) (exists|used|in use|taken)|used by another|another business|duplicate/i, 'Ya está en uso.'],
  [/upcoming appointment/i, 'Tiene turnos reservados por delante: cancélalos o muévelos primero.'],
  [/ids cannot change/i, 'El código no se puede cambiar.'],
  [/5-minute boundary/i, 'La hora tiene que ser múltiplo de 5 minutos.'],
  [/wrong type or format|not valid JSON/i, 'Revisa el formato de este dato.'],
  [/not a range like|HH:MM|overlap/i, 'Usa rangos como 09:00-13:00, separados por comas, sin superponerse.'],
  [/multiple of 5/i, 'Tiene que ser un múltiplo de 5 minutos, hasta 480.'],
  [/exceeds/i, 'Es demasiado largo para un turno.'],
  [/cannot be negative|negative/i, 'No puede ser negativo.'],
  [/not a service of|unknown service/i, 'Ese servicio no existe en el negocio.'],
  [/unknown professional|not a professional|does not (do|offer|perform)|doesn't (do|offer)/i, 'Ese profesional no hace ese servicio.'],
  [/ISO 4217/i, 'Usa un código de moneda de 3 letras, como ARS o MXN.'],
  [/Google calendar id/i, 'Tiene que ser el email del calendario de Google.'],
  [/in the past|already (started|passed)|has passed/i, 'Esa hora ya pasó.'],
  [/notice/i, 'Falta muy poco para esa hora: no cumple la anticipación mínima.'],
  [/horizon|too far/i, 'Esa fecha está demasiado adelante.'],
  [/already cancel+ed|is cancel+ed|not booked/i, 'Ese turno ya no está activo (fue cancelado o movido).'],
  [/outside (the )?(working )?hours|not working|closed/i, 'Está fuera del horario de atención.'],
  [/blocked/i, 'Ese horario está bloqueado.'],
  [/before/i, 'La fecha de fin tiene que ser posterior a la de inicio.'],
  [/is not a (date|time)|valid (date|time)|yyyy-mm-dd|format/i, 'Revisa la fecha y la hora.'],
];

export function spanish(message) {
  if (!message) return null;
  for (const [pattern, text] of WORDING) if (pattern.test(message)) return text;
  return message;
}

/** { field path (lowercase, without the document prefix) → Spanish message }. */
export function fieldErrors(problem) {
  const out = {};
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const path = key.replace(/^\$\.?/, '').replace(/^businesses\[\d+\]( \([^)]*\))?\.?/, '').replace(/\[\d+\] \([^)]*\)/g, m => m.replace(/ \(.*\)/, ''));
    const message = key === 'start' && REASONS[problem.reason] ? REASONS[problem.reason]
      : [].concat(messages).map(m => problem.spanish ? m : spanish(m)).join(' ');
    out[path.toLowerCase()] = message;
  }
  return out;
}
