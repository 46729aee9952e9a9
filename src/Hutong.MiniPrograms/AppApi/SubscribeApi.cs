using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Subscribe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Hutong.OfficialAccounts.AppApi.AppCall;

namespace Hutong.MiniPrograms.AppApi;

/// <summary>
/// Subscribe messages as WeChat's server takes them: templates from the library (<c>/wxaapi/newtmpl/...</c>) and
/// <c>/cgi-bin/message/subscribe/send</c>, with WeChat's field names and error codes; the access token is the credential.
/// </summary>
public static class SubscribeApi
{
    public static IEndpointRouteBuilder MapSubscribeApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/wxaapi/newtmpl").WithTags("Mini-programs (WeChat)").AllowAnonymous();
        templates.MapGet("/getpubtemplatekeywords", Keywords);
        templates.MapPost("/addtemplate", Add);
        templates.MapGet("/gettemplate", List);
        templates.MapPost("/deltemplate", Delete);
        app.MapPost("/cgi-bin/message/subscribe/send", Send).WithTags("Mini-programs (WeChat)").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> Keywords(string? access_token, int? tid, MiniProgramTokens tokens, CancellationToken cancellationToken)
    {
        if (await MiniProgramAppCall.AuthAsync(access_token, tokens, cancellationToken) is { Error: { } error })
        {
            return Error(error);
        }

        if (tid is not { } id || TemplateLibrary.Find(id) is not { } template)
        {
            return Error(SubscribeService.InvalidTid);
        }

        return Json(new JsonObject
        {
            ["errcode"] = 0,
            ["errmsg"] = "ok",
            ["count"] = template.Keywords.Count,
            ["data"] = new JsonArray([.. template.Keywords.Select(k => (JsonNode)new JsonObject { ["kid"] = k.Kid, ["name"] = k.Name, ["rule"] = k.Kind })]),
        });
    }

    private static async Task<IResult> Add(HttpRequest request, string? access_token, MiniProgramTokens tokens, SubscribeService subscribe, CancellationToken cancellationToken)
    {
        var (app, json, error) = await MiniProgramAppCall.OpenAsync(request, access_token, tokens, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var kids = json!["kidList"] is JsonArray list && list.All(k => k is JsonValue v && v.TryGetValue<int>(out _))
            ? list.Select(k => k!.GetValue<int>()).ToList()
            : null;
        var (templateId, refused) = await subscribe.AddTemplateAsync(app!, Number(json, "tid"), kids, Text(json, "sceneDesc"), cancellationToken);
        return refused is not null ? Error(refused) : Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["priTmplId"] = templateId });
    }

    private static async Task<IResult> List(string? access_token, MiniProgramTokens tokens, SubscribeService subscribe, CancellationToken cancellationToken)
    {
        var (app, error) = await MiniProgramAppCall.AuthAsync(access_token, tokens, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var data = new JsonArray();
        foreach (var template in await subscribe.TemplatesAsync(app!, cancellationToken))
        {
            data.Add(new JsonObject
            {
                ["priTmplId"] = template.TemplateId,
                ["title"] = template.Title,
                ["content"] = string.Concat(template.Keywords.Select(k => $"{k.Name}:{{{{{k.Key}.DATA}}}}\n")),
                ["example"] = "",
                ["type"] = 2,
            });
        }

        return Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["data"] = data });
    }

    private static async Task<IResult> Delete(HttpRequest request, string? access_token, MiniProgramTokens tokens, SubscribeService subscribe, CancellationToken cancellationToken)
    {
        var (app, json, error) = await MiniProgramAppCall.OpenAsync(request, access_token, tokens, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        return await subscribe.DeleteTemplateAsync(app!, Text(json, "priTmplId"), cancellationToken) ? Ok() : Error(SubscribeService.InvalidTemplateId);
    }

    private static async Task<IResult> Send(HttpRequest request, string? access_token, MiniProgramTokens tokens, SubscribeService subscribe, CancellationToken cancellationToken)
    {
        var (app, json, error) = await MiniProgramAppCall.OpenAsync(request, access_token, tokens, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        return await subscribe.SendAsync(app!, json!, cancellationToken) is { } refused ? Error(refused) : Ok();
    }
}
