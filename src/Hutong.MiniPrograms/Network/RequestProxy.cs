using System.Text;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Errors;
using Hutong.Core.Outbound;
using Hutong.MiniPrograms.Apps;

namespace Hutong.MiniPrograms.Network;

/// <summary>
/// <c>wx.request</c>, <c>uploadFile</c> and <c>downloadFile</c>, made by the server for the runtime: only to the
/// app's request domains (and every redirect too), through the hardened outbound client (no private addresses), one
/// try of at most 60 s, bodies up to 10 MB. Nothing of the platform goes along: no cookie, no token; the developer's
/// own headers do, and a <c>Referer</c> naming the app and version, as WeChat sends one.
/// </summary>
public sealed class RequestProxy(MiniProgramService apps, OutboundClient outbound)
{
    public const int MaxBodyBytes = 10 * 1024 * 1024;
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(60);

    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH" };

    /// <summary>Headers the client may not set: the connection's own, and the platform's identity.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Content-Length", "Transfer-Encoding", "Keep-Alive", "Upgrade", "TE", "Trailer", "Expect",
        "Proxy-Authorization", "Proxy-Connection", "Referer", "Origin", "User-Agent", "Cookie2",
    };

    /// <summary>Makes the request for the person at the app; <paramref name="origin"/> is the node's, for the <c>Referer</c>.</summary>
    public async Task<Result<ProxyResponse>> SendAsync(Guid me, string appId, string? version, string origin, ProxyRequest request, CancellationToken cancellationToken)
    {
        var app = await apps.OpenableAsync(me, appId, cancellationToken);
        if (app is null)
        {
            return MiniProgramService.NotFound;
        }

        var errors = new FieldErrors();
        var method = (request.Method ?? "GET").ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            errors.Add("method", $"method is one of {string.Join(", ", Methods)}.");
        }

        byte[]? body = null;
        if (request.Data is { } data)
        {
            body = request.DataIsBase64 ? FromBase64(data) : Encoding.UTF8.GetBytes(data);
            if (body is null)
            {
                errors.Add("data", "data is not base64.");
            }
            else if (body.Length > MaxBodyBytes)
            {
                errors.Add("data", "data is at most 10 MB.");
            }
        }

        if (request.Header?.Keys.FirstOrDefault(h => Reserved.Contains(h) || h.Length == 0 || h.Any(c => c <= ' ' || c == ':')) is { } bad)
        {
            errors.Add("header", $"The header '{bad}' is not one a mini-program sets.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || !RequestDomains.Allows(app.RequestDomains, url))
        {
            return Error.Forbidden(ErrorCodes.DomainNotAllowed, "url not in domain list") with
            {
                Detail = $"{Origin(request.Url)} is not on the mini-program's request domains.",
            };
        }

        var headers = new Dictionary<string, string>(request.Header ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["Referer"] = $"{origin}/mp/{app.AppId}/{Uri.EscapeDataString(version ?? "0")}/page-frame.html",
        };
        var contentType = headers.Remove("Content-Type", out var type) ? type : "application/json";
        var outgoing = new OutboundRequest(new HttpMethod(method), url)
        {
            Body = body is null || method is "GET" or "HEAD" ? null : body,
            ContentType = contentType,
            Headers = headers,
        };
        var timeout = request.Timeout is > 0 and < 60_000 ? TimeSpan.FromMilliseconds(request.Timeout.Value) : MaxTimeout;
        var result = await outbound.SendAsync(
            outgoing,
            new OutboundPolicy { TryTimeout = timeout, Tries = 1, MaxResponseBytes = MaxBodyBytes, MayRedirectTo = u => RequestDomains.Allows(app.RequestDomains, u) },
            cancellationToken);
        return result.Failure switch
        {
            null or OutboundFailure.HttpError when result.Status is { } status => Answer((int)status, result),
            OutboundFailure.RedirectRefused => Error.Forbidden(ErrorCodes.DomainNotAllowed, "url not in domain list") with
            {
                Detail = "The server redirected to an address that is not on the mini-program's request domains.",
            },
            _ => new Error(ErrorCodes.RequestFailed, 502, Failed(result.Failure)),
        };
    }

    private static ProxyResponse Answer(int status, OutboundResult result)
    {
        var bytes = result.Body.ToArray();
        var text = TryText(bytes);
        return new ProxyResponse(
            status,
            result.Headers,
            text ?? Convert.ToBase64String(bytes),
            text is null);
    }

    private static string? TryText(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static byte[]? FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "The address";

    /// <summary>WeChat's <c>errMsg</c> tails for a failed request, which the runtime passes on as <c>request:fail …</c>.</summary>
    private static string Failed(OutboundFailure? failure) => failure switch
    {
        OutboundFailure.Timeout => "timeout",
        OutboundFailure.Refused => "the address is not one the platform may call",
        OutboundFailure.TooLarge => "response too large",
        OutboundFailure.TooManyRedirects => "too many redirects",
        OutboundFailure.BadScheme => "redirect to a scheme not allowed",
        _ => "could not connect to the server",
    };
}
