using System.Security.Claims;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hutong.MiniPrograms.Stories;

/// <summary>docs/api.md "Stories": the story studio's drafts and publishing, for the signed-in writer.</summary>
public static class StoriesApi
{
    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/stories").WithTags("Stories").RequireAuthorization();
        var limits = app.ServiceProvider.GetRequiredService<IOptions<MiniProgramsOptions>>().Value;

        // The source and the compiled story travel as JSON strings, where an escape may take six bytes for one.
        var saveLimit = new RequestSizeLimitAttribute((6L * limits.MaxStorySourceBytes) + (64 * 1024));
        var publishLimit = new RequestSizeLimitAttribute((6L * limits.MaxStoryJsonBytes) + (64 * 1024));
        api.MapGet("/", async (ClaimsPrincipal user, StoryService stories, CancellationToken ct) => TypedResults.Ok(await stories.ListAsync(user.UserId(), ct)));
        api.MapPost("/", async (CreateStoryDraftRequest request, ClaimsPrincipal user, StoryService stories, CancellationToken ct) =>
        {
            var result = await stories.CreateAsync(user.UserId(), request, ct);
            return result.IsSuccess ? Results.Created($"/api/v1/stories/{result.Value.Id}", result.Value) : result.Error.ToProblem();
        });
        api.MapGet("/{draftId}", async (string draftId, ClaimsPrincipal user, StoryService stories, CancellationToken ct) =>
            (await stories.GetAsync(user.UserId(), draftId, ct)).ToOk());
        api.MapPut("/{draftId}", async (string draftId, SaveStoryDraftRequest request, ClaimsPrincipal user, StoryService stories, CancellationToken ct) =>
            (await stories.SaveAsync(user.UserId(), draftId, request, ct)).ToOk()).WithMetadata(saveLimit);
        api.MapPost("/{draftId}/publish", async (string draftId, PublishStoryRequest request, ClaimsPrincipal user, StoryService stories, CancellationToken ct) =>
            (await stories.PublishAsync(user.UserId(), draftId, request, ct)).ToOk()).WithMetadata(publishLimit);
        api.MapDelete("/{draftId}", async (string draftId, ClaimsPrincipal user, StoryService stories, CancellationToken ct) =>
            (await stories.DeleteAsync(user.UserId(), draftId, ct)).ToNoContent());
        return app;
    }
}
