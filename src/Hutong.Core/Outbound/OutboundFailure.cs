namespace Hutong.Core.Outbound;

/// <summary>Why an outbound call did not get a 2xx answer it could read.</summary>
public enum OutboundFailure
{
    /// <summary>The host has no address a call may reach (<see cref="AddressRules"/>); nothing was sent to it.</summary>
    Refused,

    /// <summary>The last try ran past <see cref="OutboundPolicy.TryTimeout"/>.</summary>
    Timeout,

    /// <summary>The host did not resolve, or no connection could be made or kept to it.</summary>
    Unreachable,

    /// <summary>The answer was not HTTP the client could read.</summary>
    InvalidResponse,

    /// <summary>The body ran past <see cref="OutboundPolicy.MaxResponseBytes"/>, or the headers past the handler's limit.</summary>
    TooLarge,

    /// <summary>More redirects than <see cref="OutboundOptions.MaxRedirects"/>.</summary>
    TooManyRedirects,

    /// <summary>The URL, or a redirect, is not absolute http or https, or goes from https to http.</summary>
    BadScheme,

    /// <summary>The server answered with a status other than 2xx; it is in <see cref="OutboundResult.Status"/>.</summary>
    HttpError,

    /// <summary>A redirect led somewhere <see cref="OutboundPolicy.MayRedirectTo"/> does not allow; it was not followed.</summary>
    RedirectRefused,
}
