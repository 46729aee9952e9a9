namespace EchoBot.CustomerService;

/// <summary>A text to send to a follower through the customer-service API.</summary>
internal sealed record CustomText(string OpenId, string Content);
