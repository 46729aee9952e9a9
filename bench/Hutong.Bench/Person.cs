namespace Hutong.Bench;

/// <summary>A seeded person: in one conversation, a sender or only a receiver, and a way to connect.</summary>
internal sealed record Person(string UserId, bool Sends, Func<CancellationToken, Task<IChatSession>> ConnectAsync);
