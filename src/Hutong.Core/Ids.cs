using System.Diagnostics.CodeAnalysis;

namespace Hutong.Core;

/// <summary>
/// Entity ids are time-ordered GUIDs (version 7): unguessable enough to expose, and they keep B-tree inserts at the
/// right edge of an index. On the wire they are strings in the canonical 36-character form.
/// </summary>
public static class Ids
{
    public static Guid New(TimeProvider clock) => Guid.CreateVersion7(clock.Now());

    public static string Format(Guid id) => id.ToString("D");

    public static bool TryParse([NotNullWhen(true)] string? text, out Guid id) =>
        Guid.TryParseExact(text, "D", out id) && id != Guid.Empty;
}
