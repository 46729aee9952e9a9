using Hutong.Client;

namespace Hutong.Bench;

/// <summary>A seeded person: signed in, in one conversation, and a sender or only a receiver.</summary>
internal sealed record Person(HutongClient Client, string UserId, string ConversationId, bool Sends);
