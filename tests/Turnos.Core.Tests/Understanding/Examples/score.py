#!/usr/bin/env python3
"""Scores the command-line `understand` over a JSON-lines example table.

Each table line has the input (text, ref, optional business/expecting) and the expected values; only the keys
present are scored, so "time": null asserts that no time was read while a missing "time" is not checked.
Usage, from the repository root:
    python3 tests/Turnos.Core.Tests/Understanding/Examples/score.py [table.jsonl] [-v]
Tables: conversation-quality.jsonl (Spanish, the default), conversation-quality-holdout.jsonl (Spanish), english.jsonl
and english-holdout.jsonl (English, with "lang" for the conversation's language so far and "language" for the one
expected). "services" is every service named, in order, by catalog name.
"""
import json, subprocess, sys, pathlib

here = pathlib.Path(__file__).parent
args = [a for a in sys.argv[1:] if a != "-v"]
verbose = "-v" in sys.argv
table = pathlib.Path(args[0]) if args else here / "conversation-quality.jsonl"
rows = [json.loads(l) for l in table.read_text(encoding="utf-8").splitlines() if l.strip()]
inputs = "\n".join(json.dumps({k: r[k] for k in ("text", "ref", "business", "expecting", "lang") if k in r} | {"business": r.get("business", "demo")},
                              ensure_ascii=False) for r in rows) + "\n"
# The built assembly when there is one: `dotnet run` of a Functions project wants Core Tools to launch it.
built = pathlib.Path("src/Turnos.Functions/bin/Release/net10.0/Turnos.Functions.dll")
command = ["dotnet", str(built)] if built.exists() else ["dotnet", "run", "--no-build", "--project", "src/Turnos.Functions", "-c", "Release", "--"]
out = subprocess.run(command + ["understand"],
                     input=inputs, capture_output=True, text=True, encoding="utf-8", check=True).stdout.splitlines()
fields = ["intent", "date", "time", "time_range", "services", "name", "email", "language"]
score = {f: [0, 0] for f in fields}
failures = []
for row, line in zip(rows, out):
    got = json.loads(line)
    # Builds from before "services" existed said only "service": read it as a list of one, to compare before/after.
    got.setdefault("services", [got["service"]] if got.get("service") else [])
    for f in fields:
        if f not in row: continue
        score[f][1] += 1
        if got.get(f) == row[f]: score[f][0] += 1
        else: failures.append(f"{row['class']:<13} {row['text']!r}: {f} expected {row[f]!r}, got {got.get(f)!r}")
print(f"{len(rows)} messages")
for f, (ok, n) in score.items():
    if n: print(f"{f:<11} {ok}/{n} = {ok / n:.0%}")
if verbose: print("\n".join(failures))
