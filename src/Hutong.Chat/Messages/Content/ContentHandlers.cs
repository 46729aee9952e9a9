using System.Collections.Frozen;
using Hutong.Contracts.Chat.Content;

namespace Hutong.Chat.Messages.Content;

/// <summary>The registered <see cref="IContentHandler"/>s by content record: what devices may send, and how each is taken.</summary>
public sealed class ContentHandlers
{
    private readonly FrozenDictionary<Type, IContentHandler> _handlers;

    public ContentHandlers(IEnumerable<IContentHandler> handlers)
    {
        var all = handlers.ToList();
        _handlers = all.ToFrozenDictionary(h => h.ContentType);
        var names = all.ConvertAll(h => MessageContentJson.KindOf(h.ContentType));
        Sendable = names.Count > 1 ? $"{string.Join(", ", names[..^1])} or {names[^1]}" : string.Concat(names);
    }

    /// <summary>The kinds devices may send, for people to read: "text, image, ... or card".</summary>
    public string Sendable { get; }

    /// <summary>The handler of a kind devices may send; null for any other (unknown, or written only by the platform).</summary>
    public IContentHandler? Find(MessageContent content) => _handlers.GetValueOrDefault(content.GetType());
}
