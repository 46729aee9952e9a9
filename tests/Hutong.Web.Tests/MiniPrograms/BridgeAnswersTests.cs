using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Contracts.Wallet;
using Hutong.Web.MiniPrograms;
using Hutong.Web.Payments;

namespace Hutong.Web.Tests.MiniPrograms;

/// <summary>What the runtime's services hear back: WeChat's results and fail messages.</summary>
public sealed class BridgeAnswersTests
{
    [Fact]
    public void Response_CarriesStatusHeadersAndBody_ForTheGlueToParse()
    {
        var answer = Parse(BridgeAnswers.Response(new ProxyResponse(201, new Dictionary<string, string> { ["X-Answer"] = "yes" }, """{"a":1}""", false)));

        Assert.True((bool)answer["ok"]!);
        var res = answer["res"]!;
        Assert.Equal(201, (int)res["statusCode"]!);
        Assert.Equal("yes", (string)res["header"]!["X-Answer"]!);
        Assert.Equal("""{"a":1}""", (string)res["data"]!);
        Assert.False((bool)res["base64"]!);
    }

    [Theory]
    [InlineData(ErrorCodes.DomainNotAllowed, "not on the list", "request:fail url not in domain list")]
    [InlineData(ErrorCodes.RequestFailed, "timed out after 60 s", "request:fail timed out after 60 s")]
    public void RequestFailed_SpeaksAsWeChat(string code, string detail, string errMsg)
    {
        var answer = Parse(BridgeAnswers.RequestFailed(Problem(403, code, detail)));

        Assert.False((bool)answer["ok"]!);
        Assert.Equal(errMsg, (string)answer["errMsg"]!);
    }

    [Fact]
    public void StorageFailed_WhenFull_SaysWeChatsLimit()
    {
        Assert.Equal("setStorage:fail exceed storage max size 10Mb", (string)Parse(BridgeAnswers.StorageFailed("setStorage", Problem(409, ErrorCodes.StorageFull, "full")))["errMsg"]!);
        Assert.Equal("setStorage:fail network error", (string)Parse(BridgeAnswers.StorageFailed("setStorage", new HttpRequestException()))["errMsg"]!);
    }

    [Fact]
    public void Subscribed_AnswersEveryIdAskedFor_OnceEach()
    {
        var answer = Parse(BridgeAnswers.Subscribed(
            ["t1", "t2", "t3", "t1"], new Dictionary<string, string> { ["t1"] = "accept", ["t3"] = "ban" }, ["t1"]));

        var res = answer["res"]!.AsObject();
        Assert.Equal(["t1", "t2", "t3"], res.Select(p => p.Key));
        Assert.Equal(("accept", "reject", "ban"), ((string)res["t1"]!, (string)res["t2"]!, (string)res["t3"]!));
    }

    [Fact]
    public void Payment_Paid_IsOkWithNothingElse()
    {
        var answer = Parse(BridgeAnswers.Payment(new CashierPaid(
            new PaymentResult("4220260318123456789012345678", PaymentStates.Paid, "Tea House", "Oolong, a pot", 2_800, "CNY", DateTimeOffset.UnixEpoch))));

        Assert.True((bool)answer["ok"]!);
        Assert.Empty(answer["res"]!.AsObject());
    }

    [Theory]
    [InlineData(null, null, "requestPayment:fail cancel")]
    [InlineData(ErrorCodes.BadPaySign, "The payment request is not signed by its merchant.", "requestPayment:fail bad_pay_sign")]
    [InlineData(ErrorCodes.OrderPaid, null, "requestPayment:fail order_paid")]
    [InlineData(ErrorCodes.ValidationFailed, "signType is RSA (WeChat Pay API v3).", "requestPayment:fail parameter error: signType is RSA (WeChat Pay API v3).")]
    [InlineData("", null, "requestPayment:fail network error")]
    public void Payment_CancelledOrRefused_FailsInWeChatsWords(string? code, string? detail, string errMsg)
    {
        CashierOutcome outcome = code switch
        {
            null => new CashierCancelled(),
            "" => new CashierRefused(null, null, "No connection."),
            _ => new CashierRefused(code, detail, "Refused."),
        };

        var answer = Parse(BridgeAnswers.Payment(outcome));

        Assert.False((bool)answer["ok"]!);
        Assert.Equal(errMsg, (string)answer["errMsg"]!);
    }

    [Fact]
    public void PaymentRequest_TakesTheAppsParameters_WithItsOwnAppId_AndANumberTimeStampAsItsDigits()
    {
        var request = MiniProgramPage.PaymentRequest("wx01", """
            {"timeStamp": 1767225600, "nonceStr": "5K8264ILTKCH16CQ", "package": "prepay_id=wx2026", "signType": "RSA", "paySign": "c2ln", "appId": "wxother"}
            """);

        Assert.Equal(new PayRequest("wx01", "1767225600", "5K8264ILTKCH16CQ", "prepay_id=wx2026", "RSA", "c2ln"), request);
        Assert.Equal(new PayRequest("wx01", null, null, null, null, null), MiniProgramPage.PaymentRequest("wx01", """{"timeStamp": {}, "package": null}"""));
        Assert.Null(MiniProgramPage.PaymentRequest("wx01", "[1]"));
        Assert.Null(MiniProgramPage.PaymentRequest("wx01", "{not json"));
    }

    private static HutongApiException Problem(int status, string code, string detail) =>
        new(status, new ProblemBody(null, "Refused", status, detail, code, null, null));

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
