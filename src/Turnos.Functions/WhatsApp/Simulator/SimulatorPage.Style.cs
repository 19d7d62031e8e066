namespace Turnos.Functions.WhatsApp.Simulator;

internal static partial class SimulatorPage
{
    private const string Style = """
        * { box-sizing: border-box; }
        body { margin: 0; min-height: 100vh; display: flex; justify-content: center; align-items: stretch;
          background: #d1d7db; font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #111b21; }
        .phone { width: 100%; max-width: 480px; display: flex; flex-direction: column; height: 100vh; background: #efeae2;
          box-shadow: 0 0 24px rgba(0,0,0,.15); }
        .bar { display: flex; align-items: center; gap: 12px; padding: 10px 16px; background: #075e54; color: #fff; }
        .avatar { width: 40px; height: 40px; border-radius: 50%; background: #25d366; display: grid; place-items: center;
          font-weight: 700; font-size: 18px; }
        .name { font-weight: 600; }
        .status { font-size: 13px; opacity: .85; }
        .setup { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; padding: 10px 12px; background: #f0f2f5;
          border-bottom: 1px solid #d1d7db; font-size: 12px; color: #54656f; }
        .setup label { display: flex; flex-direction: column; gap: 4px; }
        .setup label:first-child { grid-column: 1 / -1; }
        .setup select, .setup input { font: inherit; font-size: 14px; padding: 6px 8px; border: 1px solid #d1d7db;
          border-radius: 8px; background: #fff; color: #111b21; }
        .setup button { grid-column: 1 / -1; justify-self: end; font: inherit; border: 0; background: none; color: #008069;
          cursor: pointer; padding: 2px 4px; }
        .chat { flex: 1; overflow-y: auto; padding: 12px 16px; display: flex; flex-direction: column; gap: 6px; }
        .bubble { max-width: 82%; padding: 6px 9px 18px; border-radius: 8px; position: relative; font-size: 14.5px;
          line-height: 1.35; white-space: pre-wrap; word-wrap: break-word; box-shadow: 0 1px .5px rgba(0,0,0,.13); }
        .bubble.in { align-self: flex-start; background: #fff; border-top-left-radius: 0; }
        .bubble.out { align-self: flex-end; background: #d9fdd3; border-top-right-radius: 0; }
        .bubble time { position: absolute; right: 8px; bottom: 3px; font-size: 11px; color: #667781; }
        .bubble a { color: #027eb5; }
        .note { align-self: center; max-width: 90%; text-align: center; font-size: 12.5px; background: #ffeecd; color: #54656f;
          padding: 6px 10px; border-radius: 8px; }
        .note.error { background: #fde2e1; color: #8a1c1c; }
        .typing { align-self: flex-start; font-size: 13px; color: #667781; font-style: italic; padding: 2px 6px; }
        .composer { display: flex; gap: 8px; padding: 8px 10px; background: #f0f2f5; }
        .composer input { flex: 1; font: inherit; font-size: 15px; padding: 10px 14px; border: 0; border-radius: 20px; }
        .composer button { width: 44px; height: 44px; border: 0; border-radius: 50%; background: #00a884; color: #fff;
          font-size: 18px; cursor: pointer; }
        .composer button:disabled { background: #8fcfbf; cursor: default; }
        """;
}
