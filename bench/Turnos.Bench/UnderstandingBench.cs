using System.Diagnostics;
using Turnos.Core.Conversations;
using Turnos.Functions.Businesses;
using static Turnos.Bench.Stats;

namespace Turnos.Bench;

/// <summary>Rules understanding per message, on typical WhatsApp messages against the demo catalog.</summary>
internal static class UnderstandingBench
{
    private static readonly string[] Messages =
    [
        "hola", "hola! quiero un turno para cortarme el pelo mañana a las 3", "tenes lugar el viernes a la tarde?",
        "cuanto sale la coloracion?", "sii dale", "no, mejor otro dia", "quiero cancelar mi turno", "me llamo Juan Pérez",
        "juan.perez@gmail.com", "con lucia porfa", "el 15 de diciembre a las 10 y media", "pasado mañana temprano",
        "q horarios tenes el sabado x la mañana", "necesito cambiar el turno al jueves 17hs", "gracias!! 🙌",
        "quiero hablar con una persona", "uñas el martes que viene a las 4 menos cuarto", "la 2",
    ];

    public static void Run()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "seed", "demo.json");
        var snapshot = SeedLoader.Parse(File.ReadAllText(seed), "demo.json")[0].Snapshot;
        var now = new DateTime(2026, 11, 18, 10, 15, 0);
        var contexts = Messages.Select(m => new UnderstandingContext(m, now, snapshot)).ToArray();
        foreach (var c in contexts) RulesUnderstanding.Understand(c); // warm-up: static tables, JIT
        var perMessage = new List<double>();
        for (var round = 0; round < 200; round++)
            foreach (var c in contexts)
            {
                var t = Stopwatch.GetTimestamp();
                RulesUnderstanding.Understand(c);
                perMessage.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        Report($"rules understanding, one message ({Messages.Length} typical messages x 200)", perMessage);
    }
}
