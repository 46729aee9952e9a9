using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hutong.MiniPrograms.Stories;

/// <summary>
/// The tags of a story compiled by inkjs: in its current format (inkVersion 21) a tag is the text between the control
/// commands <c>"#"</c> and <c>"/#"</c> (<c>"#", "^image: hall", "/#"</c>); in the older one an object
/// <c>{"#": "image: hall"}</c>. The player reads the same two kinds it shows: <c># image: name</c> and
/// <c># ending: Name</c>.
/// </summary>
internal static class StoryTags
{
    /// <summary>Every tag's text written out in the story's content, in the order written (not tags built at run time).</summary>
    public static IReadOnlyList<string> Of(JsonElement content)
    {
        var tags = new List<string>();
        Collect(content, tags);
        return tags;
    }

    // The JSON was parsed with a depth limit, which bounds this recursion.
    private static void Collect(JsonElement element, List<string> tags)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "#" && property.Value.ValueKind == JsonValueKind.String)
                {
                    tags.Add(property.Value.GetString()!);
                }
                else
                {
                    Collect(property.Value, tags);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            string? tag = null;
            foreach (var item in element.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
                if (text == "#")
                {
                    tag = "";
                }
                else if (text == "/#")
                {
                    if (tag is not null)
                    {
                        tags.Add(tag);
                    }

                    tag = null;
                }
                else if (text is not null && tag is not null && text.StartsWith('^'))
                {
                    tag += text[1..];
                }
                else
                {
                    Collect(item, tags);
                }
            }
        }
    }

    /// <summary>The name a tag gives after <paramref name="kind"/> (<c>image: hall</c> → <c>hall</c>), or null for another tag.</summary>
    public static string? Named(string tag, string kind)
    {
        var text = tag.Trim();
        if (!text.StartsWith(kind, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = text[kind.Length..].TrimStart();
        return rest.StartsWith(':') && rest[1..].Trim() is { Length: > 0 } name ? name : null;
    }
}

/// <summary>A story version's config (the launch's <c>config</c>): what the player shows besides the story.</summary>
internal sealed record StoryConfig(string Title, string Language, string? Cover, IReadOnlyList<string> Endings);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoryConfig))]
internal sealed partial class StoryJson : JsonSerializerContext;
