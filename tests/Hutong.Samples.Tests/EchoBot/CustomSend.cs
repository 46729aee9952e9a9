namespace Hutong.Samples.Tests.EchoBot;

/// <summary>A <c>POST /cgi-bin/message/custom/send</c> the fake API received, and the errcode it answered.</summary>
internal sealed record CustomSend(string AccessToken, string ToUser, string MsgType, string? Content, int ErrCode);
