using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.Bench;

/// <summary>
/// Opens real interactive Blazor Server circuits without a browser: for each one it prerenders an interactive page
/// over HTTP with the signed-in person's cookies, then does what blazor.web.js does — connects to <c>/_blazor</c>
/// over WebSockets with the "blazorpack" (MessagePack) protocol, calls <c>StartCircuit</c> and
/// <c>UpdateRootComponents</c> with the page's component markers, acknowledges every render batch and answers
/// JavaScript interop calls with an empty result, as an idle browser tab would. A circuit counts as open once the
/// server has sent its first render batch for the page's components. Closing a hold does what a closing tab does.
/// </summary>
internal static partial class CircuitLoad
{
    public static async Task<CircuitHold> OpenAsync(Uri address, CookieContainer cookies, string path, int count, TextWriter log)
    {
        var hold = new CircuitHold(address, cookies);
        using var gate = new SemaphoreSlim(8);
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = address };
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var circuit = await OpenOneAsync(address, cookies, http, path);
                hold.Add(circuit);
            }
            catch (Exception error) when (error is HttpRequestException
                or InvalidOperationException
                or TimeoutException
                or HubException
                or System.Net.WebSockets.WebSocketException
                or OperationCanceledException)
            {
                hold.Failed(error.Message);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        await log.WriteLineAsync(
            $"  circuits open: {hold.Open}, failed: " +
                $"{hold.FailureCount}{(hold.FirstFailure is null ? string.Empty : " (first failure: " + hold.FirstFailure + ")")}");
        return hold;
    }

    private static async Task<OpenCircuit> OpenOneAsync(Uri address, CookieContainer cookies, HttpClient http, string path)
    {
        var page = await http.GetStringAsync(path);
        var markers = ServerMarkers().Matches(page).Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject()).ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive server components.");
        }

        var applicationState = ApplicationState().Match(page) is { Success: true } state ? state.Groups[1].Value : string.Empty;
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            var marker = markers[i];
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker.DeepClone() });
        }

        var firstRender = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "_blazor"), HttpTransportType.WebSockets, options => options.Cookies = cookies);
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(5);
        connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], async (arguments) =>
        {
            firstRender.TrySetResult();
            await connection.SendAsync("OnRenderCompleted", (long)arguments[0]!, null);
        });
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long)], async (arguments) =>
        {
            var taskId = (long)arguments[0]!;
            if (taskId != 0)
            {
                await connection.SendAsync(
                    "EndInvokeJSFromDotNet", taskId, true, $"[{taskId.ToString(CultureInfo.InvariantCulture)},true,null]");
            }
        });

        await connection.StartAsync();
        var circuitId = await connection.InvokeAsync<string?>(
            "StartCircuit", address.ToString(), new Uri(address, path).ToString(), "[]", applicationState);
        if (string.IsNullOrEmpty(circuitId))
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException("The server refused to start the circuit.");
        }

        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
        await connection.SendAsync("UpdateRootComponents", batch, applicationState);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await firstRender.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await connection.DisposeAsync();
            throw new TimeoutException("The circuit never rendered its components.");
        }

        return new OpenCircuit(connection, circuitId);
    }

    [GeneratedRegex("<!--Blazor:(\\{\"type\":\"server\".*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex ServerMarkers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex ApplicationState();

    /// <summary>Blazor's hub speaks MessagePack under the protocol name "blazorpack", version 1.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _messagePack = new();

        public string Name => "blazorpack";

        public int Version => 1;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => version == 1;

        public bool TryParseMessage(
            ref ReadOnlySequence<byte> input,
            IInvocationBinder binder,
            [NotNullWhen(true)] out HubMessage? message) =>
            _messagePack.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _messagePack.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _messagePack.GetMessageBytes(message);
    }
}

/// <summary>An interactive circuit and the id the server gave it, which closing the circuit needs.</summary>
internal sealed record OpenCircuit(HubConnection Connection, string CircuitId);

/// <summary>The circuits held open, to be closed together.</summary>
internal sealed class CircuitHold(Uri address, CookieContainer cookies) : IAsyncDisposable
{
    private readonly List<OpenCircuit> _circuits = [];
    private int _failures;

    public int Open
    {
        get
        {
            lock (_circuits)
            {
                return _circuits.Count(c => c.Connection.State == HubConnectionState.Connected);
            }
        }
    }

    public int FailureCount => Volatile.Read(ref _failures);

    public string? FirstFailure { get; private set; }

    public void Add(OpenCircuit circuit)
    {
        lock (_circuits)
        {
            _circuits.Add(circuit);
        }
    }

    public void Failed(string reason)
    {
        if (Interlocked.Increment(ref _failures) == 1)
        {
            FirstFailure = reason;
        }
    }

    /// <summary>
    /// Closes every circuit the way blazor.web.js does when its tab closes: it posts the circuit id as form data to
    /// <c>/_blazor/disconnect</c> (<c>navigator.sendBeacon</c>) and the connection drops. Without the post the server
    /// keeps each circuit as a disconnected one for a reconnecting browser. Returns how many the server terminated.
    /// </summary>
    public async Task<int> CloseAsync()
    {
        List<OpenCircuit> circuits;
        lock (_circuits)
        {
            circuits = [.. _circuits];
            _circuits.Clear();
        }

        var terminated = 0;
        using var gate = new SemaphoreSlim(8);
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = address };
        await Task.WhenAll(circuits.Select(async circuit =>
        {
            await gate.WaitAsync();
            try
            {
                using var form = new MultipartFormDataContent { { new StringContent(circuit.CircuitId), "circuitId" } };
                using var response = await http.PostAsync("_blazor/disconnect", form);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref terminated);
                }
            }
            catch (HttpRequestException)
            {
                // The connection below still drops; the server then keeps the circuit as a disconnected one.
            }
            finally
            {
                gate.Release();
                await circuit.Connection.DisposeAsync();
            }
        }));
        return terminated;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
