using System.Security.Claims;
using Hutong.Contracts.Events;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Hutong.Realtime.Log;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Realtime;

/// <summary>docs/api.md "Events": the caller's own event log, read by seq.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").WithTags("Events").RequireAuthorization().MapGet("/events", ReadEvents);
        return app;
    }

    private static async Task<Results<Ok<UserEventList>, ProblemHttpResult>> ReadEvents(
        long? after, int? limit, ClaimsPrincipal user, IEventLogStore log, CancellationToken cancellationToken)
    {
        var paging = Paging.Parse(limit, null);
        if (!paging.IsSuccess)
        {
            return paging.Error.ToProblem();
        }

        if (after is < 0)
        {
            return Error.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["after"] = ["after is 0 or more."] }).ToProblem();
        }

        var me = user.UserId();
        var entries = await log.ReadAsync(me, after ?? 0, paging.Value.Limit, cancellationToken);
        return TypedResults.Ok(new UserEventList(entries.Select(EventLog.Decode).ToList(), await log.GetLastSeqAsync(me, cancellationToken)));
    }
}
