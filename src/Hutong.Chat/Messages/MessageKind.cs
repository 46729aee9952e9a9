namespace Hutong.Chat.Messages;

public enum MessageKind
{
    Text = 0,
    System = 1,
}
