namespace Turnos.Functions.Admin.WebConsole;

internal static partial class ConsoleAssets
{
    private const string Styles = """
        :root {
          --bg: #f5f6f8; --card: #fff; --ink: #1f2933; --muted: #616e7c; --line: #e1e5ea;
          --primary: #0f766e; --primary-ink: #fff; --primary-soft: #e6f4f2;
          --danger: #b42318; --danger-soft: #fdecea; --warn: #a15c07; --warn-soft: #fff4e0; --ok: #15803d; --ok-soft: #e8f6ec;
          --free: #dff5e6; --free-line: #8fd3a6; --booked: #dbe8ff; --booked-line: #6f9be8; --booked-ink: #1e3a8a;
          --blocked: #eceff3; --outside: #f7f8fa; --radius: 10px;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif;
          font-size: 15px; color: var(--ink); background: var(--bg);
        }
        * { box-sizing: border-box; }
        body { margin: 0; min-height: 100vh; }
        [hidden] { display: none !important; }
        a { color: var(--primary); }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
        h3 { font-size: 1rem; margin: 0 0 .5rem; }
        p { margin: .25rem 0 .75rem; }
        .muted { color: var(--muted); }
        .small { font-size: .85rem; }
        .nowrap { white-space: nowrap; }
        main { max-width: 1320px; margin: 0 auto; padding: 1.25rem 1.25rem 3rem; outline: none; }
        .loading { color: var(--muted); padding: 1rem 0; }
        .loading::before { content: ""; display: inline-block; width: .9em; height: .9em; margin-right: .5em; vertical-align: -.1em;
          border: 2px solid var(--line); border-top-color: var(--primary); border-radius: 50%; animation: spin .8s linear infinite; }
        @keyframes spin { to { transform: rotate(360deg); } }

        /* Top bar */
        .topbar { display: flex; align-items: center; gap: 1rem; padding: .6rem 1.25rem; background: var(--card); border-bottom: 1px solid var(--line);
          position: sticky; top: 0; z-index: 5; }
        .brand { display: flex; align-items: center; gap: .5rem; font-weight: 700; font-size: 1.1rem; color: var(--ink); text-decoration: none; }
        .logo { display: inline-grid; place-items: center; width: 1.8rem; height: 1.8rem; border-radius: 8px; background: var(--primary); color: #fff; font-weight: 800; }
        .crumbs { flex: 1; color: var(--muted); display: flex; gap: .4rem; align-items: center; min-width: 0; }
        .crumbs a { color: var(--muted); text-decoration: none; }
        .crumbs a:hover { color: var(--ink); }
        .crumbs span.sep { opacity: .5; }

        /* Buttons and fields */
        button, .button { font: inherit; border-radius: 8px; border: 1px solid var(--primary); background: var(--primary); color: var(--primary-ink);
          padding: .45rem .9rem; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; gap: .35rem; line-height: 1.3; }
        button:hover:not(:disabled) { filter: brightness(1.07); }
        button:disabled { opacity: .6; cursor: progress; }
        button.secondary, .button.secondary { background: var(--card); color: var(--primary); border-color: var(--line); }
        button.ghost { background: transparent; color: var(--muted); border-color: transparent; }
        button.ghost:hover { color: var(--ink); background: var(--bg); }
        button.danger { background: var(--danger); border-color: var(--danger); }
        button.danger.secondary { background: var(--card); color: var(--danger); border-color: #f3c5c0; }
        button.link { background: none; border: none; color: var(--primary); padding: 0; text-decoration: underline; }
        button.small, .button.small { padding: .25rem .6rem; font-size: .85rem; }
        input, select, textarea { font: inherit; color: inherit; padding: .45rem .6rem; border: 1px solid #cdd3da; border-radius: 8px; background: #fff; width: 100%; }
        input:focus, select:focus, textarea:focus, button:focus-visible { outline: 2px solid #7cc4bd; outline-offset: 1px; }
        input[type=checkbox], input[type=radio] { width: auto; }
        textarea { min-height: 4.5rem; resize: vertical; }
        .field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: .8rem; }
        .field > label, .field > .label { font-weight: 600; font-size: .9rem; }
        .field .hint { color: var(--muted); font-size: .8rem; }
        .field-error { color: var(--danger); font-size: .82rem; min-height: 0; }
        .field-error:empty { display: none; }
        .field.invalid input, .field.invalid select, .field.invalid textarea { border-color: var(--danger); background: #fffafa; }
        .form-error { background: var(--danger-soft); color: var(--danger); border-radius: 8px; padding: .6rem .8rem; margin-bottom: .8rem; }
        .form-error:empty { display: none; }
        .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; }
        .checks { display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
        .checks label { display: flex; gap: .35rem; align-items: center; font-weight: 400; }
        .row { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
        .spacer { flex: 1; }

        /* Cards, lists, tables */
        .card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.1rem 1.2rem; margin-bottom: 1rem; }
        .page-head { display: flex; align-items: flex-end; gap: 1rem; margin-bottom: 1rem; flex-wrap: wrap; }
        .page-head .grow { flex: 1; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 1rem; }
        .business-card { display: flex; flex-direction: column; gap: .35rem; text-decoration: none; color: inherit; transition: box-shadow .15s, border-color .15s; }
        .business-card:hover { border-color: #9fd3cc; box-shadow: 0 2px 10px rgba(15,118,110,.08); }
        .business-card .name { font-weight: 700; font-size: 1.05rem; }
        .empty { text-align: center; color: var(--muted); padding: 2rem 1rem; }
        table.list { width: 100%; border-collapse: collapse; background: var(--card); }
        table.list th, table.list td { text-align: left; padding: .55rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        table.list th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); font-weight: 600; }
        table.list tr.clickable { cursor: pointer; }
        table.list tr.clickable:hover td { background: #f8fbfb; }
        table.list td.actions { text-align: right; white-space: nowrap; }
        .table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: var(--radius); background: var(--card); }
        .table-wrap table.list tr:last-child td { border-bottom: none; }
        .badge { display: inline-flex; align-items: center; gap: .3rem; border-radius: 999px; padding: .1rem .6rem; font-size: .8rem; font-weight: 600;
          background: var(--bg); color: var(--muted); white-space: nowrap; }
        .badge.ok { background: var(--ok-soft); color: var(--ok); }
        .badge.warn { background: var(--warn-soft); color: var(--warn); }
        .badge.danger { background: var(--danger-soft); color: var(--danger); }
        .badge.info { background: var(--booked); color: var(--booked-ink); }
        .chips { display: flex; flex-wrap: wrap; gap: .3rem; }
        .chip { background: var(--bg); border-radius: 6px; padding: .05rem .45rem; font-size: .82rem; }
        .notice { background: var(--warn-soft); color: var(--warn); border-radius: 8px; padding: .6rem .8rem; margin: .5rem 0; }
        .notice.ok { background: var(--ok-soft); color: var(--ok); }
        .notice.error { background: var(--danger-soft); color: var(--danger); }
        .notice.info { background: var(--primary-soft); color: #115e59; }

        /* Business page */
        .tabs { display: flex; gap: .25rem; border-bottom: 1px solid var(--line); margin: .5rem 0 1.25rem; overflow-x: auto; }
        .tabs a { padding: .55rem .9rem; text-decoration: none; color: var(--muted); border-bottom: 2px solid transparent; margin-bottom: -1px; white-space: nowrap; }
        .tabs a:hover { color: var(--ink); }
        .tabs a[aria-current=page] { color: var(--primary); border-bottom-color: var(--primary); font-weight: 600; }
        .tabs .count { background: var(--danger); color: #fff; border-radius: 999px; font-size: .72rem; padding: 0 .4rem; margin-left: .3rem; }

        /* Sign in */
        .signin { max-width: 400px; margin: 12vh auto 0; }
        .signin .logo { width: 2.6rem; height: 2.6rem; font-size: 1.3rem; margin-bottom: .75rem; }

        /* Calendar connection */
        .connect-link { display: flex; gap: .5rem; margin: .5rem 0; }
        .connect-link input { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; background: var(--bg); }
        .status-line { display: flex; align-items: center; gap: .6rem; flex-wrap: wrap; margin-bottom: .5rem; }

        /* Week view */
        .week-controls { display: flex; gap: .6rem; align-items: flex-end; flex-wrap: wrap; margin-bottom: .75rem; }
        .week-controls .field { margin: 0; }
        .week-controls select { min-width: 12rem; }
        .week-title { font-weight: 700; font-size: 1.05rem; margin: 0 .5rem; min-width: 13rem; text-align: center; }
        .legend { display: flex; gap: .9rem; flex-wrap: wrap; font-size: .82rem; color: var(--muted); margin-bottom: .6rem; }
        .legend span::before { content: ""; display: inline-block; width: .9rem; height: .9rem; border-radius: 3px; vertical-align: -.15rem; margin-right: .3rem; border: 1px solid var(--line); }
        .legend .l-free::before { background: var(--free); border-color: var(--free-line); }
        .legend .l-booked::before { background: var(--booked); border-color: var(--booked-line); }
        .legend .l-blocked::before { background: repeating-linear-gradient(135deg, var(--blocked) 0 4px, #d9dee4 4px 6px); }
        .legend .l-outside::before { background: var(--outside); }
        .legend .l-unavailable::before { background: #fff; }
        .legend .l-past::before { background: #fafafa; border-style: dashed; }
        .week-wrap { overflow: auto; border: 1px solid var(--line); border-radius: var(--radius); background: var(--card); max-height: 72vh; }
        table.week { border-collapse: separate; border-spacing: 0; width: 100%; font-size: .8rem; table-layout: fixed; }
        table.week col.time { width: 3.6rem; }
        table.week th { position: sticky; background: var(--card); z-index: 2; font-weight: 600; padding: .35rem .25rem; border-bottom: 1px solid var(--line);
          overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        table.week thead tr:first-child th { top: 0; }
        table.week thead tr:nth-child(2) th { top: 2rem; font-weight: 500; color: var(--muted); font-size: .75rem; }
        table.week th.day { border-left: 2px solid var(--line); height: 2rem; text-transform: capitalize; }
        table.week th.day.today { color: var(--primary); }
        table.week th.time, table.week td.time { position: sticky; left: 0; z-index: 1; background: var(--card); color: var(--muted); text-align: right;
          padding: 0 .45rem; font-variant-numeric: tabular-nums; }
        table.week th.time { z-index: 3; }
        table.week td { height: 1.7rem; padding: 0; border-bottom: 1px solid #f0f2f4; border-left: 1px solid #f0f2f4; }
        table.week td.first { border-left: 2px solid var(--line); }
        table.week td .slot { display: block; width: 100%; height: 100%; min-height: 1.65rem; border: 0; border-radius: 0; padding: .1rem .25rem; font-size: .75rem;
          text-align: left; background: transparent; color: var(--ink); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; cursor: default; }
        table.week td.free .slot { background: var(--free); cursor: pointer; color: #166534; }
        table.week td.free .slot:hover { background: #c4ecd2; box-shadow: inset 0 0 0 1px var(--free-line); }
        table.week td.booked .slot { background: var(--booked); color: var(--booked-ink); cursor: pointer; font-weight: 600; box-shadow: inset 3px 0 0 var(--booked-line); white-space: normal; }
        table.week td.booked .slot:hover { background: #c9dcfd; }
        table.week td.blocked .slot { background: repeating-linear-gradient(135deg, var(--blocked) 0 6px, #e0e4e9 6px 9px); color: var(--muted); }
        table.week td.busy .slot { background: #efe7fb; color: #5b21b6; }
        table.week td.outside .slot { background: var(--outside); }
        table.week td.past .slot { background: #fafafa; color: #b0b7bf; }
        table.week td.unavailable .slot { background: #fff; color: var(--muted); }
        table.week td.narrow .slot { font-size: .7rem; }

        /* Dialogs and toasts */
        dialog.modal { border: none; border-radius: 14px; padding: 0; width: min(560px, 94vw); box-shadow: 0 20px 60px rgba(15,23,42,.25); color: var(--ink); }
        dialog.modal.wide { width: min(760px, 96vw); }
        dialog.modal::backdrop { background: rgba(15,23,42,.35); }
        dialog.modal > header { display: flex; align-items: center; padding: .9rem 1.2rem; border-bottom: 1px solid var(--line); }
        dialog.modal > header h2 { margin: 0; flex: 1; }
        dialog.modal > .body { padding: 1rem 1.2rem; max-height: 70vh; overflow: auto; }
        dialog.modal > footer { display: flex; gap: .5rem; justify-content: flex-end; padding: .8rem 1.2rem; border-top: 1px solid var(--line); background: #fafbfc;
          border-radius: 0 0 14px 14px; flex-wrap: wrap; }
        dialog.modal > footer .left { margin-right: auto; }
        dl.details { display: grid; grid-template-columns: 9rem 1fr; gap: .35rem .75rem; margin: 0 0 .5rem; }
        dl.details dt { color: var(--muted); }
        dl.details dd { margin: 0; }
        .alternatives { display: flex; flex-wrap: wrap; gap: .4rem; margin: -.3rem 0 .9rem; }
        .alternatives:empty { display: none; }
        .alternatives > span { flex-basis: 100%; }
        .toasts { position: fixed; right: 1rem; bottom: 1rem; display: flex; flex-direction: column; gap: .5rem; z-index: 50; pointer-events: none; }
        .toast { background: #1f2933; color: #fff; padding: .65rem 1rem; border-radius: 10px; box-shadow: 0 6px 20px rgba(0,0,0,.2); max-width: 380px; }
        .toast.error { background: var(--danger); }
        .hours-grid { display: grid; grid-template-columns: 7.5rem 5.5rem 1fr; gap: .35rem .6rem; align-items: center; }
        .hours-grid .field-error { grid-column: 3; }
        .filters { display: flex; gap: .6rem; align-items: flex-end; flex-wrap: wrap; margin-bottom: 1rem; }
        .filters .field { margin: 0; min-width: 9rem; }
        @media (max-width: 720px) { .grid2 { grid-template-columns: 1fr; } main { padding: 1rem .6rem; } }
        """;
}
