using System.Net;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Web.Localization;
using Hutong.Web.Shared;
using Hutong.Web.Tests.Localization;
using Hutong.Web.Tests.Testing;

namespace Hutong.Web.Tests.Shared;

/// <summary>What every screen says of a failed call: what happened, and what to do about it.</summary>
public sealed class ProblemTests
{
    private static readonly Strings S = Strings.English;

    private static HutongApiException Refusal(int status, string? code, int? retryAfter = null, int? attemptsLeft = null,
        IReadOnlyDictionary<string, string[]>? errors = null, string? title = null) =>
        new(status, new ProblemBody(null, title, status, null, code, errors, retryAfter, attemptsLeft));

    [Theory]
    [MemberData(nameof(StringsTests.ApiCodes), MemberType = typeof(StringsTests))]
    public void Describe_EveryApiCode_SaysItsSentenceNotTheServersTitle(string code)
    {
        var refusal = Refusal(400, code, title: "The server's title, in English");

        var english = Problem.Describe(refusal, Strings.English);
        var chinese = Problem.Describe(refusal, Strings.Chinese);

        Assert.Equal(Strings.English.Error(code), english);
        Assert.Equal(Strings.Chinese.Error(code), chinese);
    }

    [Theory]
    [InlineData(1, "Too many attempts. Try again in 1 second.")]
    [InlineData(42, "Too many attempts. Try again in 42 seconds.")]
    [InlineData(60, "Too many attempts. Try again in 1 minute.")]
    [InlineData(61, "Too many attempts. Try again in 2 minutes.")]
    [InlineData(300, "Too many attempts. Try again in 5 minutes.")]
    [InlineData(900, "Too many attempts. Try again in 15 minutes.")]
    [InlineData(3_599, "Too many attempts. Try again in 1 hour.")]
    [InlineData(3_600, "Too many attempts. Try again in 1 hour.")]
    [InlineData(10_800, "Too many attempts. Try again in 3 hours.")]
    public void Describe_RateLimitedWithAWait_SaysHowLongRoundedUp(int seconds, string expected)
    {
        var text = Problem.Describe(Refusal(429, ErrorCodes.RateLimited, seconds), S);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Describe_RateLimitedWithoutAWait_AsksToWaitAMoment()
    {
        var text = Problem.Describe(Refusal(429, ErrorCodes.RateLimited), S);

        Assert.Equal(S.Errors[ErrorCodes.RateLimited], text);
    }

    [Fact]
    public void Describe_InChinese_SaysTheWaitInChinese()
    {
        var limited = Problem.Describe(Refusal(429, ErrorCodes.RateLimited, 300), Strings.Chinese);
        var locked = Problem.Describe(Refusal(423, ErrorCodes.PinLocked, 10_800), Strings.Chinese);

        Assert.Equal("操作太频繁，请 5 分钟后再试。", limited);
        Assert.Equal("支付密码错误次数过多，付款已锁定，请 3 小时后再试。", locked);
    }

    [Fact]
    public void Describe_PinLocked_SaysForHowLong()
    {
        var text = Problem.Describe(Refusal(423, ErrorCodes.PinLocked, 2 * 3600 + 5), S);

        Assert.Equal("Too many wrong PINs: payments are locked. Try again in 3 hours.", text);
    }

    [Fact]
    public void Describe_WrongPin_SaysHowManyTriesAreLeft()
    {
        var text = Problem.Describe(Refusal(403, ErrorCodes.WrongPin, attemptsLeft: 1), S);

        Assert.Equal("Wrong payment PIN. 1 attempt left before payments lock.", text);
    }

    [Fact]
    public void Describe_ValidationFailed_SaysWhatEachFieldNeeds()
    {
        var error = Refusal(400, ErrorCodes.ValidationFailed, errors: new Dictionary<string, string[]>
        {
            ["amount"] = ["Amounts run from 1 to 5000000."],
            ["transferId"] = ["A transfer id is 1 to 64 characters."],
        });

        var text = Problem.Describe(error, S);

        Assert.Equal("Amounts run from 1 to 5000000. A transfer id is 1 to 64 characters.", text);
        Assert.DoesNotContain(S.Errors[ErrorCodes.ValidationFailed], text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_AnotherCodeWithAWait_AddsWhenToTryAgain()
    {
        var text = Problem.Describe(Refusal(409, ErrorCodes.RequestNotPending, 120), S);

        Assert.Equal($"{S.Errors[ErrorCodes.RequestNotPending]} Try again in 2 minutes.", text);
    }

    [Theory]
    [InlineData(500, null, null, "Something went wrong. Please try again.")]
    [InlineData(409, "some_new_code", "The server's own words.", "The server's own words.")]
    [InlineData(404, ErrorCodes.UserNotFound, "ignored", "No such person.")]
    public void Describe_WithoutAClientSentence_FallsBackInOrder(int status, string? code, string? title, string expected)
    {
        var text = Problem.Describe(Refusal(status, code, title: title), S);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Describe_NoConnection_SaysToCheckTheNetwork()
    {
        var text = Problem.Describe(new HttpRequestException("down"), S);

        Assert.Equal(S.NoConnection, text);
    }

    [Fact]
    public async Task Describe_A429WhoseWaitIsOnlyInItsHeader_StillSaysHowLong()
    {
        var server = new RecordingHandler().Answer(HttpMethod.Get, "api/v1/me", () =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return response;
        });

        var error = await Assert.ThrowsAsync<HutongApiException>(() => Sample.Client(server).GetMeAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Too many attempts. Try again in 30 seconds.", Problem.Describe(error, S));
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(413, false)]
    public void CanRetry_OnlyWhatMaySucceedWhenSentAgain(int status, bool expected)
    {
        var retry = Problem.CanRetry(Refusal(status, "any"));

        Assert.Equal(expected, retry);
        Assert.True(Problem.CanRetry(new HttpRequestException("down")));
    }
}
