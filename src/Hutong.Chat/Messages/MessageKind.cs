namespace Hutong.Chat.Messages;

public enum MessageKind
{
    Text = 0,
    System = 1,
    Image = 2,
    Voice = 3,
    Video = 4,
    File = 5,
    Location = 6,
    Card = 7,
    Transfer = 8,
    RedPacket = 9,
}
