namespace Turnos.Functions.Admin.WebConsole;

internal static partial class ConsoleAssets
{
    /// <summary>The one page; the views are drawn by app.js (routes in the URL's hash, e.g. #/negocios/demo/semana).</summary>
    private const string IndexHtml = """
        <!doctype html>
        <html lang="es">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>Turnos · Consola</title>
        <link rel="stylesheet" href="console.css">
        <script type="module" src="app.js"></script>
        </head>
        <body>
        <header class="topbar" id="topbar" hidden>
          <a class="brand" href="#/negocios"><span class="logo" aria-hidden="true">T</span>Turnos</a>
          <nav class="crumbs" id="crumbs" aria-label="Ubicación"></nav>
          <button type="button" class="ghost" id="logout">Cerrar sesión</button>
        </header>
        <main id="main" tabindex="-1"><p class="loading">Cargando…</p></main>
        <div class="toasts" id="toasts" role="status" aria-live="polite"></div>
        <noscript><p class="notice">La consola necesita JavaScript activado.</p></noscript>
        </body>
        </html>
        """;
}
