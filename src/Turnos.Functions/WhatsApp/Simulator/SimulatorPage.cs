namespace Turnos.Functions.WhatsApp.Simulator;

/// <summary>The simulator's single page: a WhatsApp-like chat, in Spanish, with inline CSS and script.</summary>
internal static partial class SimulatorPage
{
    public static readonly string Html = """
        <!doctype html>
        <html lang="es">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Turnos · Simulador de WhatsApp</title>
        <style>
        """ + Style + """
        </style>
        </head>
        <body>
        <main class="phone">
          <header class="bar">
            <div class="avatar" id="avatar">T</div>
            <div class="who">
              <div class="name" id="chat-name">Turnos</div>
              <div class="status" id="chat-status">Simulador local</div>
            </div>
          </header>
          <section class="setup">
            <label>Negocio
              <select id="business" aria-label="Negocio"></select>
            </label>
            <label>Tu número (cliente)
              <input id="customer" type="tel" value="+5491155550000" aria-label="Tu número">
            </label>
            <label>Tu nombre
              <input id="profile" type="text" value="Cliente de prueba" aria-label="Tu nombre">
            </label>
            <button id="clear" type="button" title="Borra la conversación de esta pantalla">Limpiar chat</button>
          </section>
          <section class="chat" id="chat" aria-live="polite">
            <div class="note">Escribe como si fueras un cliente. Cada mensaje pasa por el webhook firmado, igual que uno de Twilio. 🔒</div>
          </section>
          <form class="composer" id="composer" autocomplete="off">
            <input id="text" type="text" placeholder="Escribe un mensaje" maxlength="1600" aria-label="Mensaje" required>
            <button id="send" type="submit" aria-label="Enviar">➤</button>
          </form>
        </main>
        <script>
        """ + Script + """
        </script>
        </body>
        </html>
        """;
}
