using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Apps;
using Hutong.OfficialAccounts.AppApi;
using Microsoft.AspNetCore.Http;

namespace Hutong.MiniPrograms.AppApi;

/// <summary>The access token of a mini-program's app API call, and its JSON body, checked as WeChat's server does.</summary>
internal static class MiniProgramAppCall
{
    internal static async Task<(MiniProgram? App, WeChatError? Error)> AuthAsync(string? accessToken, MiniProgramTokens tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return (null, WeChatErrors.MissingAccessToken);
        }

        return await tokens.AppOfAsync(accessToken, cancellationToken) is { } app ? (app, null) : (null, WeChatErrors.InvalidCredential);
    }

    internal static async Task<(MiniProgram? App, JsonObject? Json, WeChatError? Error)> OpenAsync(
        HttpRequest request, string? accessToken, MiniProgramTokens tokens, CancellationToken cancellationToken)
    {
        var (app, error) = await AuthAsync(accessToken, tokens, cancellationToken);
        if (error is not null)
        {
            return (null, null, error);
        }

        var body = await AppCall.BodyAsync(request, cancellationToken);
        return body.Error is not null ? (null, null, body.Error) : (app, body.Json, null);
    }
}
