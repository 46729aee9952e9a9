using Hutong.OfficialAccounts.Protocol;
using static Hutong.OfficialAccounts.Tests.Protocol.PublishedVectors;

namespace Hutong.OfficialAccounts.Tests.Protocol;

public sealed class WeChatSignatureTests
{
    [Fact]
    public void Sign_UrlVerification_MatchesWechatpysVector()
    {
        var signature = WeChatSignature.Sign(WechatpyUrlSignature.Token, WechatpyUrlSignature.Timestamp, WechatpyUrlSignature.Nonce);

        Assert.Equal(WechatpyUrlSignature.Signature, signature);
    }

    [Fact]
    public void Sign_MsgSignature_MatchesTheWxBizMsgCryptSample()
    {
        var signature = WeChatSignature.Sign(
            WxBizMsgCryptSample.Token, WxBizMsgCryptSample.Timestamp, WxBizMsgCryptSample.Nonce, WxBizMsgCryptSample.Encrypt);

        Assert.Equal(WxBizMsgCryptSample.MsgSignature, signature);
    }

    [Fact]
    public void Sign_SortsThePartsOrdinally_WhateverOrderTheyCome_In()
    {
        // Ordinal order is "B" (0x42), "_z" (0x5F), "a" (0x61); a culture-aware sort would put "_z" first.
        const string expected = "a3a2c3b2a60a474fc393d799e399a60e6aa6e44a"; // sha1("B_za")

        Assert.Equal(expected, WeChatSignature.Sign("a", "B", "_z"));
        Assert.Equal(expected, WeChatSignature.Sign("_z", "a", "B"));
    }

    [Fact]
    public void Sign_DoesNotReorderTheCallersArray()
    {
        string[] parts = ["c", "b", "a"];

        WeChatSignature.Sign(parts);

        Assert.Equal(["c", "b", "a"], parts);
    }

    [Fact]
    public void Verify_AcceptsThePublishedSignature_InEitherCase()
    {
        string[] parts = [WechatpyUrlSignature.Token, WechatpyUrlSignature.Timestamp, WechatpyUrlSignature.Nonce];

        Assert.True(WeChatSignature.Verify(WechatpyUrlSignature.Signature, parts));
        Assert.True(WeChatSignature.Verify(WechatpyUrlSignature.Signature.ToUpperInvariant(), parts));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("f21891de399b4e33a1a93c9a7b8a8fffb5a443fe")] // wechatpy's should-fail case: the last digit changed
    [InlineData("f21891de399b4e33a1a93c9a7b8a8fffb5a443f")]
    [InlineData("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff0")]
    [InlineData("f21891de399b4e33a1a93c9a7b8a8fffb5a443fg")]
    [InlineData(" f21891de399b4e33a1a93c9a7b8a8fffb5a443ff")]
    public void Verify_RefusesAnythingElse(string? signature)
    {
        Assert.False(WeChatSignature.Verify(signature, WechatpyUrlSignature.Token, WechatpyUrlSignature.Timestamp, WechatpyUrlSignature.Nonce));
    }

    [Fact]
    public void Verify_RefusesTheRightSignature_OverOtherParts()
    {
        Assert.False(WeChatSignature.Verify(WechatpyUrlSignature.Signature, WechatpyUrlSignature.Token, WechatpyUrlSignature.Timestamp, "tesu"));
    }
}
