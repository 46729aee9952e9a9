using System.Net;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Chats;

/// <summary>Files sent from the composer: an empty one never goes, and a failed upload offers a retry only when one may work.</summary>
public sealed class UploadTests : IAsyncDisposable
{
    private const string Upload = "POST api/v1/media";

    private static readonly Strings S = Strings.English;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private readonly FakeTimeProvider _clock = new(Sample.Noon);
    private int _opens;

    public UploadTests()
    {
        _context.AddWebClient(_server, _clock);
        _server
            .Answer(HttpMethod.Get, $"api/v1/conversations/c-1/messages?beforeSeq={long.MaxValue}&limit=50", () => RecordingHandler.Json(new MessageList([]), HutongJsonContext.Default.MessageList))
            .Answer(HttpMethod.Get, "api/v1/conversations/c-1", () => RecordingHandler.Json(Sample.Group(MemberRoles.Member), HutongJsonContext.Default.ConversationDetails));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private ChatStore Chats => _context.Services.GetRequiredService<ChatStore>();

    private void AnswerUpload(Func<HttpResponseMessage> respond) => _server.Answer(HttpMethod.Post, "api/v1/media", respond);

    private static HttpResponseMessage Uploaded() =>
        RecordingHandler.Json(new MediaUploaded("m-1", "text/plain", 3, "menu.txt"), HutongJsonContext.Default.MediaUploaded, HttpStatusCode.Created);

    /// <summary>Sends a three-byte file in the open chat c-1 and returns its echo.</summary>
    private async Task<OutgoingMessage> SendAsync()
    {
        await Chats.OpenAsync("c-1");
        await Chats.SendFileAsync("c-1", () =>
        {
            _opens++;
            return new MemoryStream("tea"u8.ToArray());
        }, "menu.txt", 3, null);
        return Chats.Timeline("c-1")!.Outgoing.Single();
    }

    private int Uploads => _server.Requests.Count(r => r == Upload);

    [Fact]
    public async Task Composer_EmptyFile_IsRefusedBeforeUploading_AndTheOthersGo()
    {
        AnswerUpload(Uploaded);
        await Chats.OpenAsync("c-1");
        var composer = _context.Render<Composer>(ps => ps.Add(p => p.ConversationId, "c-1"));

        composer.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary([], "empty.png", contentType: "image/png"),
            InputFileContent.CreateFromText("tea", "menu.txt"));

        composer.WaitForAssertion(() => Assert.Equal((1, S.FileEmpty("empty.png")), (Uploads, composer.Find(".composer-error").TextContent)), TimeSpan.FromSeconds(10));
        Assert.Contains("filename=menu.txt", _server.Bodies.Single(b => b.Request == Upload).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ErrorCodes.EmptyFile)]
    [InlineData(HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, ErrorCodes.PayloadTooLarge)]
    [InlineData(HttpStatusCode.UnsupportedMediaType, ErrorCodes.UnsupportedMediaType)]
    public async Task Upload_RefusedForWhatWasSent_OffersNoRetry(HttpStatusCode status, string code)
    {
        AnswerUpload(() => RecordingHandler.Problem(status, code));

        var echo = await SendAsync();
        await Chats.RetryAsync("c-1", echo);

        Assert.Equal((OutgoingState.Failed, false), (echo.State, echo.CanRetry));
        Assert.Equal(1, Uploads);
    }

    [Fact]
    public async Task Upload_WithoutAConnection_RetryReadsTheFileAgainAndSendsIt()
    {
        var tries = 0;
        AnswerUpload(() => ++tries == 1 ? throw new HttpRequestException("down") : Uploaded());

        var echo = await SendAsync();
        var failed = (echo.State, echo.CanRetry, echo.Failure);
        await Chats.RetryAsync("c-1", echo);

        Assert.Equal(OutgoingState.Failed, failed.State);
        Assert.True(failed.CanRetry);
        Assert.IsType<HttpRequestException>(failed.Failure);
        // Uploaded: it now waits for the gateway, which this test has none of, as a message of kind file.
        Assert.Equal((2, 2), (Uploads, _opens));
        Assert.Equal((OutgoingState.Sending, null), (echo.State, echo.Failure));
    }

    [Fact]
    public async Task Upload_ServerFailure_OffersRetryAtOnce()
    {
        AnswerUpload(() => RecordingHandler.Problem(HttpStatusCode.ServiceUnavailable, "storage_unavailable"));

        var echo = await SendAsync();

        Assert.Equal((OutgoingState.Failed, true), (echo.State, echo.CanRetry));
    }

    [Fact]
    public async Task Upload_RateLimited_SaysHowLongAndOffersRetryOnlyOnceTheWaitIsOver()
    {
        AnswerUpload(() => RecordingHandler.Problem(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited, retryAfter: 30));
        var echo = await SendAsync();
        var offered = new TaskCompletionSource();
        Chats.Changed += () =>
        {
            if (echo.CanRetry)
            {
                offered.TrySetResult();
            }
        };

        _clock.Advance(TimeSpan.FromSeconds(29));
        var early = echo.CanRetry;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await offered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.False(early);
        Assert.Equal("Too many attempts. Try again in 30 seconds.", OutgoingBubble.Reason(echo.Failure, S));
    }
}
