namespace EchoBot.Protocol;

/// <summary>The body <c>success</c>: no answer now, perhaps one later through the customer-service API.</summary>
internal sealed record SuccessReply : Reply;
