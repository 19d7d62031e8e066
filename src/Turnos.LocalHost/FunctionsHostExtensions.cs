using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace Turnos.LocalHost;

/// <summary>Registers the functions of one or more assemblies to run in this ASP.NET Core process.</summary>
public static class FunctionsHostExtensions
{
    /// <summary>
    /// Scans <paramref name="assemblies"/> for functions and registers what runs them: MVC's result executors (for
    /// HTTP functions, mapped later by <see cref="HttpFunctionEndpoints.MapFunctions"/>), the Durable Task SDK's
    /// in-memory backend with every orchestrator and activity registered under its function name, a
    /// <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/> for <c>[DurableClient]</c> parameters, and the timer
    /// scheduler. Settings come from the <c>LocalHost</c> configuration section (<see cref="LocalHostOptions"/>).
    /// </summary>
    public static IServiceCollection AddFunctionsFrom(this IServiceCollection services, params Assembly[] assemblies)
    {
        var catalog = FunctionCatalog.Scan(assemblies);
        services.AddSingleton(catalog);
        services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.Section);
        services.AddMvcCore();
        services.AddHostedService<TimerFunctionService>();

        // The in-memory backend's gRPC sidecar otherwise listens on a random port in 30000-40000, which two hosts
        // in one test run (or anything else on the machine) can collide on; ask the OS for a free one instead.
        services.AddInMemoryDurableTask(_ => { }, new InMemoryDurableTaskOptions { Port = FreeLoopbackPort() });
        DetachSidecarStart(services);
        // Under the Functions host, durable inputs, outputs and events go through the worker's serializer, System.Text.Json
        // with the app's IOptions<JsonSerializerOptions>; the SDK's own default would also serialise public fields.
        services.AddOptions<DurableTaskWorkerOptions>().PostConfigure<IOptions<JsonSerializerOptions>>((o, json) => o.DataConverter = new JsonDataConverter(json.Value));
        services.AddOptions<DurableTaskClientOptions>().PostConfigure<IOptions<JsonSerializerOptions>>((o, json) => o.DataConverter = new JsonDataConverter(json.Value));
        // Registered through options rather than AddInMemoryDurableTask's callback to get the service provider: the
        // worker reads its registry from IOptions<DurableTaskRegistry> when it is built.
        services.AddOptions<DurableTaskRegistry>(Options.DefaultName)
            .Configure<IServiceProvider, IOptionsMonitor<DurableTaskWorkerOptions>>((registry, root, worker) =>
            {
                var converter = worker.Get(Options.DefaultName).DataConverter;
                foreach (var fn in catalog.OfKind(TriggerKind.Orchestration))
                    registry.AddOrchestrator(fn.Name, () => new OrchestratorFunction(fn, root, converter));
                foreach (var fn in catalog.OfKind(TriggerKind.Activity))
                    registry.AddActivity(fn.Name, scoped => new ActivityFunction(fn, scoped));
            });
        return services;
    }

    /// <summary>Wraps the sidecar's hosted service in <see cref="DetachedStart"/> (see there for why).</summary>
    static void DetachSidecarStart(IServiceCollection services)
    {
        // The sidecar's type is internal to the package: find its registration by the type its factory returns.
        var sidecar = services.LastOrDefault(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationFactory?.GetType().GenericTypeArguments.LastOrDefault()?.Name == "InMemoryGrpcSidecarHost")
            ?? throw new InvalidOperationException(
                "Microsoft.DurableTask.InProcessTestHost no longer registers InMemoryGrpcSidecarHost; review DetachedStart.");
        var create = sidecar.ImplementationFactory!;
        services[services.IndexOf(sidecar)] =
            ServiceDescriptor.Singleton<IHostedService>(sp => new DetachedStart((IHostedService)create(sp)));
    }

    static readonly HashSet<int> PortsHandedOut = [];

    /// <remarks>
    /// The port is released before the sidecar binds it, so the OS may offer it again meanwhile, for instance to a
    /// second host in the same test run: never hand out one port twice in a process. It must also be free on ::1,
    /// because the sidecar binds http://localhost:{port}, that is both loopback interfaces.
    /// </remarks>
    static int FreeLoopbackPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var v4 = new TcpListener(IPAddress.Loopback, 0);
            v4.Start();
            var port = ((IPEndPoint)v4.LocalEndpoint).Port;
            if (Socket.OSSupportsIPv6 && !FreeOnIPv6(port))
                continue;
            lock (PortsHandedOut)
                if (PortsHandedOut.Add(port))
                    return port;
        }
        throw new InvalidOperationException("Found no free loopback port for the in-memory Durable Task backend.");
    }

    static bool FreeOnIPv6(int port)
    {
        try
        {
            var v6 = new TcpListener(IPAddress.IPv6Loopback, port);
            v6.Start();
            v6.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
