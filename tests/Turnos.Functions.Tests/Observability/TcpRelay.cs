using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Turnos.Functions.Tests.Observability;

/// <summary>A loopback port that forwards to another until <see cref="Close"/>, which drops every connection and
/// leaves the port closed: a dependency that was there at start and then went away.</summary>
internal sealed class TcpRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly CancellationTokenSource _closed = new();

    public TcpRelay(int targetPort)
    {
        _listener.Start();
        _ = AcceptAsync(targetPort);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Close()
    {
        if (_closed.IsCancellationRequested) return;
        _closed.Cancel();
        _listener.Stop();
        foreach (var connection in _connections) connection.Dispose();
    }

    public void Dispose()
    {
        Close();
        _closed.Dispose();
    }

    private async Task AcceptAsync(int targetPort)
    {
        try
        {
            while (!_closed.IsCancellationRequested)
            {
                var inbound = await _listener.AcceptTcpClientAsync(_closed.Token);
                var outbound = new TcpClient();
                _connections.Add(inbound);
                _connections.Add(outbound);
                await outbound.ConnectAsync(IPAddress.Loopback, targetPort, _closed.Token);
                _ = PumpAsync(inbound.GetStream(), outbound.GetStream());
                _ = PumpAsync(outbound.GetStream(), inbound.GetStream());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // closed
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, _closed.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // one side went away
        }
    }
}
