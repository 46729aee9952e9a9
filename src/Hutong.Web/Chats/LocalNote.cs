namespace Hutong.Web.Chats;

/// <summary>
/// A line this device shows in a chat for one of its person's own events (<c>redPacketOpened</c>,
/// <c>redPacketReturned</c>), placed after the message that was newest when it came. It lives as long as the page:
/// the packet's details are the lasting record. <see cref="Amount"/> is what came back, or for opens, how many opened
/// together (null: one).
/// </summary>
public sealed record LocalNote(long AfterSeq, string Kind, string? UserId, long? Amount);
