using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Core.Outbound;

/// <summary>
/// The one HTTP client for calls to servers run by outside developers, whose URLs are untrusted input. Every connection
/// (every redirect hop's too) goes to an address checked after DNS resolution, so a URL cannot reach the platform's own
/// network; each call has a per-try timeout, retries with backoff on the <see cref="TimeProvider"/>, a size limit on
/// the body, and redirects followed here with their scheme checked. Expected failures are <see cref="OutboundResult"/>
/// values; only the caller's cancellation throws.
/// </summary>
/// <remarks>
/// A singleton per node. It holds nothing but a pool of connections to developer servers, no state other nodes would
/// need to see or agree with, so several nodes each keeping their own is safe.
/// </remarks>
public sealed class OutboundClient : IDisposable
{
    private const int ReadChunkBytes = 16 * 1024;

    private static readonly ProductInfoHeaderValue UserAgent =
        new("Hutong", typeof(OutboundClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    private readonly OutboundOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;

    public OutboundClient(IOptions<OutboundOptions> options, TimeProvider time, ILogger<OutboundClient> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            // A proxy would open the connection to whatever address it resolves, past the checks in ConnectAsync.
            UseProxy = false,
            // Followed in FollowAsync instead, which checks each hop's scheme and counts the hops.
            AllowAutoRedirect = false,
            UseCookies = false,
            // The size limit counts bytes as they arrive; undecoded, a small body cannot unpack past it.
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = _options.ConnectTimeout,
            PooledConnectionLifetime = _options.PooledConnectionLifetime,
            ConnectCallback = ConnectAsync,
        };
        // Each try has its own timeout on the TimeProvider; the caller's token bounds the whole call.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Makes the call under <paramref name="policy"/> (<see cref="OutboundPolicy.Default"/> when null). Throws
    /// <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> ends the call.
    /// </summary>
    public async Task<OutboundResult> SendAsync(OutboundRequest request, OutboundPolicy? policy, CancellationToken cancellationToken)
    {
        policy ??= OutboundPolicy.Default;
        policy.Validate();
        if (!IsHttp(request.Uri))
        {
            return OutboundResult.Failed(OutboundFailure.BadScheme);
        }

        for (var tries = 1; ; tries++)
        {
            var result = await TryAsync(request, policy, cancellationToken) with { Tries = tries };
            if (result.Succeeded)
            {
                return result;
            }

            OutboundLog.TryFailed(_logger, tries, policy.Tries, request.Uri.IdnHost, result.Failure!.Value, (int?)result.Status);
            if (tries == policy.Tries || !IsRetried(result, policy.RetryOn))
            {
                return result;
            }

            await Task.Delay(Backoff(policy.BackoffBase, tries), _time, cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Whether a connection may be opened to <paramref name="address"/>.</summary>
    private bool IsAllowed(IPAddress address, int port) =>
        _options.AllowPrivateAddresses
        || AddressRules.IsPublic(address)
        || _options.AlsoAllowed.Any(endpoint => endpoint.Port == port && endpoint.Address.Equals(address));

    /// <summary>The wait after <paramref name="failedTries"/> tries: doubling from the base, drawn between half and all of it.</summary>
    internal static TimeSpan Backoff(TimeSpan backoffBase, int failedTries) =>
        backoffBase * Math.Pow(2, failedTries - 1) * (0.5 + (Random.Shared.NextDouble() / 2));

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsRetried(OutboundResult result, OutboundRetry retryOn) => result.Failure switch
    {
        OutboundFailure.Unreachable => retryOn.HasFlag(OutboundRetry.Unreachable),
        OutboundFailure.Timeout => retryOn.HasFlag(OutboundRetry.Timeout),
        OutboundFailure.HttpError when result.Status == HttpStatusCode.TooManyRequests => retryOn.HasFlag(OutboundRetry.TooManyRequests),
        OutboundFailure.HttpError when (int?)result.Status >= 500 => retryOn.HasFlag(OutboundRetry.ServerError),
        _ => false,
    };

    private async Task<OutboundResult> TryAsync(OutboundRequest request, OutboundPolicy policy, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(policy.TryTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FollowAsync(request, policy, linked.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            // However the handler reports it, a call the caller cancelled ends as cancelled.
            cancellationToken.ThrowIfCancellationRequested();
            return OutboundResult.Failed(Classify(e));
        }
    }

    private static OutboundFailure Classify(Exception e) => e switch
    {
        // The try's own timeout, or the handler's ConnectTimeout.
        OperationCanceledException => OutboundFailure.Timeout,
        HttpRequestException when IsRefusal(e) => OutboundFailure.Refused,
        HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => OutboundFailure.TooLarge,
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError } => OutboundFailure.InvalidResponse,
        // Resolving, connecting, TLS, or the connection broke (while the body was read, too).
        _ => OutboundFailure.Unreachable,
    };

    /// <summary>One try: the request and the redirects it leads to, up to <see cref="OutboundOptions.MaxRedirects"/>.</summary>
    private async Task<OutboundResult> FollowAsync(OutboundRequest request, OutboundPolicy policy, CancellationToken cancellationToken)
    {
        var (method, uri, body) = (request.Method, request.Uri, request.Body);
        for (var redirects = 0; ; redirects++)
        {
            using var message = Message(request, method, uri, body);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = response.StatusCode;
            if (IsRedirect(status) && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (redirects == _options.MaxRedirects)
                {
                    return OutboundResult.Failed(OutboundFailure.TooManyRedirects) with { Status = status, FinalUri = uri };
                }

                // A redirect from https to http would send the body, and read the answer, in the clear.
                if (!IsHttp(next) || (uri.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp))
                {
                    return OutboundResult.Failed(OutboundFailure.BadScheme) with { Status = status, FinalUri = uri };
                }

                if (policy.MayRedirectTo is { } mayRedirect && !mayRedirect(next))
                {
                    return OutboundResult.Failed(OutboundFailure.RedirectRefused) with { Status = status, FinalUri = uri };
                }

                if (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther && method != HttpMethod.Head)
                {
                    (method, body) = (HttpMethod.Get, null);
                }

                uri = next;
                continue;
            }

            var read = await ReadAsync(response.Content, policy.MaxResponseBytes, cancellationToken);
            var answer = new OutboundResult
            {
                Status = status,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                Body = read ?? ReadOnlyMemory<byte>.Empty,
                FinalUri = uri,
                Headers = response.Headers.Concat(response.Content.Headers)
                    .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase),
            };
            return response.IsSuccessStatusCode
                ? read is null ? answer with { Failure = OutboundFailure.TooLarge } : answer
                : answer with { Failure = OutboundFailure.HttpError };
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status
        is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static HttpRequestMessage Message(OutboundRequest request, HttpMethod method, Uri uri, ReadOnlyMemory<byte>? body)
    {
        var message = new HttpRequestMessage(method, uri);
        if (body is { } bytes)
        {
            message.Content = new ReadOnlyMemoryContent(bytes);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/octet-stream");
        }

        // Credentials the caller meant for its own origin are not handed to another one a redirect names.
        var sameOrigin = Uri.Compare(uri, request.Uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        foreach (var (name, value) in request.Headers)
        {
            if (!sameOrigin && name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content?.Headers.TryAddWithoutValidation(name, value) != true)
            {
                throw new ArgumentException($"The header {name} cannot be sent on this request.", nameof(request));
            }
        }

        message.Headers.UserAgent.Clear();
        message.Headers.UserAgent.Add(UserAgent);
        return message;
    }

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>; never more than that is kept.</summary>
    private static async Task<byte[]?> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var body = new MemoryStream((int)(declared ?? 0));
        var chunk = new byte[Math.Min(ReadChunkBytes, maxBytes + 1)];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                return null;
            }

            body.Write(chunk, 0, read);
        }

        return body.ToArray();
    }

    private static bool IsRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Opens every connection the handler makes: resolves the host, keeps only the addresses <see cref="IsAllowed"/>,
    /// and connects to the first of them that answers. With none left it fails before any packet goes to the host.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = Array.FindAll(addresses, address => IsAllowed(address, port));
        if (allowed.Length == 0)
        {
            OutboundLog.Refused(_logger, host, addresses.Length);
            throw new AddressRefusedException(host);
        }

        SocketException? failure = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw failure!;
    }

    private sealed class AddressRefusedException(string host)
        : Exception($"{host} has no address an outbound call may connect to.");
}
