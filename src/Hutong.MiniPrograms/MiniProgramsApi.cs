using System.Security.Claims;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Http;
using Hutong.MiniPrograms.AppApi;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.CloudStorage;
using Hutong.MiniPrograms.Launch;
using Hutong.MiniPrograms.Login;
using Hutong.MiniPrograms.Network;
using Hutong.MiniPrograms.Reports;
using Hutong.MiniPrograms.Runtime;
using Hutong.MiniPrograms.Stories;
using Hutong.MiniPrograms.Subscribe;
using Hutong.MiniPrograms.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hutong.MiniPrograms;

/// <summary>docs/api.md "Mini-programs": developers, their apps and versions, opening one, and the operators' review.</summary>
public static class MiniProgramsApi
{
    public static IEndpointRouteBuilder MapMiniProgramsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/mini-programs").WithTags("Mini-programs").RequireAuthorization();
        api.MapGet("/developer", Developer);
        api.MapPut("/developer", Register);
        api.MapPost("/", Create);
        api.MapGet("/", Search);
        api.MapGet("/mine", Mine);
        api.MapGet("/shared", async (bool? games, ClaimsPrincipal user, MiniProgramService apps, CancellationToken ct) => TypedResults.Ok(await apps.SharedWithAsync(user.UserId(), games, ct)));
        api.MapGet("/recent", async (bool? games, ClaimsPrincipal user, MiniProgramService apps, CancellationToken ct) => TypedResults.Ok(await apps.RecentAsync(user.UserId(), games, ct)));
        api.MapGet("/{appId}", Get);
        api.MapPatch("/{appId}", Update);
        api.MapPost("/{appId}/secret", ResetSecret);
        api.MapPut("/{appId}/members/{userId}", SetMember);
        api.MapDelete("/{appId}/members/{userId}", RemoveMember);
        api.MapGet("/{appId}/versions", Versions);
        var limits = app.ServiceProvider.GetRequiredService<IOptions<MiniProgramsOptions>>().Value;
        api.MapPost("/{appId}/versions", Upload).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(limits.MaxPackageBytes + (64 * 1024)));
        api.MapPost("/{appId}/versions/{versionId}/trial", (string appId, string versionId, ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
            Answer(versions.TrialAsync(user.UserId(), appId, versionId, ct)));
        api.MapPost("/{appId}/versions/{versionId}/submit", (string appId, string versionId, ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
            Answer(versions.SubmitAsync(user.UserId(), appId, versionId, ct)));
        api.MapPost("/{appId}/versions/{versionId}/withdraw", (string appId, string versionId, ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
            Answer(versions.WithdrawAsync(user.UserId(), appId, versionId, ct)));
        api.MapPost("/{appId}/versions/{versionId}/release", (string appId, string versionId, ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
            Answer(versions.ReleaseAsync(user.UserId(), appId, versionId, ct)));
        api.MapPost("/{appId}/rollback", (string appId, ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
            Answer(versions.RollBackAsync(user.UserId(), appId, ct)));
        api.MapGet("/{appId}/launch", Launch);
        api.MapGet("/notices", async (ClaimsPrincipal user, SubscribeService subscribe, CancellationToken ct) => TypedResults.Ok(await subscribe.NoticesAsync(user.UserId(), ct)));
        api.MapGet("/{appId}/subscribe-templates", async (string appId, string? ids, ClaimsPrincipal user, SubscribeService subscribe, CancellationToken ct) =>
            (await subscribe.ForConsentAsync(user.UserId(), appId, [.. (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10)], ct)).ToOk());
        api.MapPost("/{appId}/subscriptions", async (string appId, SubscribeMessagesRequest request, ClaimsPrincipal user, SubscribeService subscribe, CancellationToken ct) =>
            (await subscribe.AnswerAsync(user.UserId(), appId, request, ct)).ToOk());
        api.MapPost("/{appId}/reports", async (string appId, ReportMiniProgramRequest request, ClaimsPrincipal user, ReportService reports, CancellationToken ct) =>
            (await reports.ReportAsync(user.UserId(), appId, request, ct)).ToNoContent());
        api.MapMiniProgramRuntimeApi();
        api.MapMiniProgramCloudStorageApi();

        var admin = app.MapGroup("/api/v1/admin/mini-programs").WithTags("Operators").RequireAuthorization();
        admin.MapGet("/reviews", async (ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
            (await versions.ReviewQueueAsync(user.UserId(), ct)).ToOk());
        admin.MapGet("/reports", async (ClaimsPrincipal user, ReportService reports, CancellationToken ct) =>
            (await reports.ListAsync(user.UserId(), ct)).ToOk());
        admin.MapPost("/{appId}/take-down", async (string appId, TakeDownRequest request, ClaimsPrincipal user, ReportService reports, CancellationToken ct) =>
            (await reports.TakeDownAsync(user.UserId(), appId, request, ct)).ToOk());
        admin.MapPost("/versions/{versionId}/approve", (string versionId, ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
            Answer(versions.ReviewAsync(user.UserId(), versionId, approve: true, null, ct)));
        admin.MapPost("/versions/{versionId}/reject", (string versionId, RejectVersionRequest request, ClaimsPrincipal user, VersionService versions, CancellationToken ct) =>
            Answer(versions.ReviewAsync(user.UserId(), versionId, approve: false, request.Reason, ct)));

        app.MapMiniProgramCode();
        app.MapMiniProgramRuntime();
        app.MapSnsApi();
        app.MapWxaApi();
        app.MapUserStorageApi();
        app.MapSubscribeApi();
        app.MapStoriesApi();
        return app;
    }

    /// <summary>The caller's developer registration, or 404 when they have none.</summary>
    private static async Task<Results<Ok<DeveloperInfo>, NotFound>> Developer(ClaimsPrincipal user, MiniProgramService apps, CancellationToken cancellationToken) =>
        await apps.DeveloperAsync(user.UserId(), cancellationToken) is { } developer ? TypedResults.Ok(developer) : TypedResults.NotFound();

    private static async Task<Results<Ok<DeveloperInfo>, ProblemHttpResult>> Register(
        RegisterDeveloperRequest request, ClaimsPrincipal user, MiniProgramService apps, CancellationToken cancellationToken) =>
        (await apps.RegisterAsync(user.UserId(), request, cancellationToken)).ToOk();

    private static async Task<Results<Created<CreatedMiniProgram>, ProblemHttpResult>> Create(
        CreateMiniProgramRequest request, ClaimsPrincipal user, MiniProgramService apps, CancellationToken cancellationToken)
    {
        var result = await apps.CreateAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/mini-programs/{result.Value.App.AppId}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Ok<MiniProgramList>> Search(string? q, bool? games, MiniProgramService apps, CancellationToken cancellationToken) =>
        TypedResults.Ok(await apps.SearchAsync(q, games, cancellationToken));

    private static async Task<Ok<MiniProgramList>> Mine(ClaimsPrincipal user, MiniProgramService apps, CancellationToken cancellationToken) =>
        TypedResults.Ok(await apps.MineAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<MiniProgramInfo>, ProblemHttpResult>> Get(
        string appId, ClaimsPrincipal user, MiniProgramService apps, CancellationToken cancellationToken) =>
        (await apps.GetAsync(user.UserId(), appId, cancellationToken)).ToOk();

    private static async Task<Results<Ok<MiniProgramInfo>, ProblemHttpResult>> Update(
        string appId, UpdateMiniProgramRequest request, ClaimsPrincipal user, MiniProgramService apps, CancellationToken cancellationToken) =>
        (await apps.UpdateAsync(user.UserId(), appId, request, cancellationToken)).ToOk();

    private static async Task<Results<Ok<Contracts.OfficialAccounts.AppSecretResponse>, ProblemHttpResult>> ResetSecret(
        string appId, ClaimsPrincipal user, MiniProgramService apps, CancellationToken cancellationToken)
    {
        var result = await apps.ResetSecretAsync(user.UserId(), appId, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(new Contracts.OfficialAccounts.AppSecretResponse(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MiniProgramInfo>, ProblemHttpResult>> SetMember(
        string appId, string userId, SetMemberRequest request, ClaimsPrincipal user, MiniProgramService apps, CancellationToken cancellationToken) =>
        (await apps.SetMemberAsync(user.UserId(), appId, userId, request, cancellationToken)).ToOk();

    private static async Task<Results<Ok<MiniProgramInfo>, ProblemHttpResult>> RemoveMember(
        string appId, string userId, ClaimsPrincipal user, MiniProgramService apps, CancellationToken cancellationToken) =>
        (await apps.RemoveMemberAsync(user.UserId(), appId, userId, cancellationToken)).ToOk();

    private static async Task<Results<Ok<MiniProgramVersionList>, ProblemHttpResult>> Versions(
        string appId, ClaimsPrincipal user, VersionService versions, CancellationToken cancellationToken) =>
        (await versions.ListAsync(user.UserId(), appId, cancellationToken)).ToOk();

    /// <summary>A package upload: the zip is the body (<c>application/zip</c>); <c>?version=1.0.0&amp;note=…</c>.</summary>
    private static async Task<Results<Created<MiniProgramVersionInfo>, ProblemHttpResult>> Upload(
        string appId, string? version, string? note, HttpRequest request, ClaimsPrincipal user, VersionService versions, CancellationToken cancellationToken)
    {
        var result = await versions.UploadAsync(user.UserId(), appId, version, note, request.Body, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/mini-programs/{appId}/versions/{result.Value.Id}", result.Value)
            : result.Error.ToProblem();
    }

    /// <summary>
    /// Opens the mini-program: <c>?env=release</c> (the default), <c>trial</c> or <c>develop</c>, or
    /// <c>?versionId=</c> for one version.
    /// </summary>
    private static async Task<Results<Ok<MiniProgramLaunch>, ProblemHttpResult>> Launch(
        string appId, string? env, string? versionId, ClaimsPrincipal user, LaunchService launches, CancellationToken cancellationToken) =>
        (await launches.LaunchAsync(user.UserId(), appId, env, versionId, cancellationToken)).ToOk();

    private static async Task<Results<Ok<MiniProgramVersionInfo>, ProblemHttpResult>> Answer(Task<Core.Errors.Result<MiniProgramVersionInfo>> change) =>
        (await change).ToOk();
}
