namespace Hutong.MiniPrograms.Subscribe;

/// <summary>
/// The public templates a mini-program picks its subscribe messages from (WeChat's template library, by <c>tid</c>):
/// each a title and numbered keywords whose kind limits the values (<c>thing</c> up to 20 characters, and so on, as
/// WeChat's). A developer adds one with the keywords it wants (<c>addtemplate</c>) and gets its own template id.
/// </summary>
public static class TemplateLibrary
{
    public static readonly IReadOnlyList<LibraryTemplate> Templates =
    [
        new(1001, "Booking reminder", [new(1, "thing", "Service"), new(2, "time", "Time"), new(3, "thing", "Place"), new(4, "thing", "Note")]),
        new(1002, "Booking confirmed", [new(1, "thing", "Service"), new(2, "time", "Time"), new(3, "name", "Booked by"), new(4, "character_string", "Booking number")]),
        new(1003, "Order status", [new(1, "character_string", "Order number"), new(2, "phrase", "Status"), new(3, "amount", "Amount"), new(4, "thing", "Note")]),
        new(1004, "Event reminder", [new(1, "thing", "Event"), new(2, "time", "Starts"), new(3, "thing", "Place")]),
        new(1005, "Queue called", [new(1, "character_string", "Number"), new(2, "thing", "Counter"), new(3, "thing", "Note")]),
    ];

    public static LibraryTemplate? Find(int tid) => Templates.FirstOrDefault(t => t.Tid == tid);

    /// <summary>Whether a value fits its keyword's kind, as WeChat checks it; null when it does, else why not.</summary>
    public static string? Check(string kind, string value) => kind switch
    {
        "thing" when value.Length > 20 => "at most 20 characters",
        "name" when value.Length > 10 => "at most 10 characters",
        "phrase" when value.Length > 5 => "at most 5 characters",
        "character_string" when value.Length > 32 || !value.All(c => char.IsAscii(c) && !char.IsControl(c)) => "at most 32 letters, digits or symbols",
        "amount" when value.Length > 11 || !value.Any(char.IsAsciiDigit) => "an amount such as ¥12.50",
        "time" when value.Length > 32 => "a time such as 2026-12-05 15:00",
        _ when value.Length == 0 => "not empty",
        _ => null,
    };
}

public sealed record LibraryTemplate(int Tid, string Title, IReadOnlyList<LibraryKeyword> Keywords);

/// <summary>A keyword of a library template: its number (<c>kid</c>), kind and name; its data key is kind + number (<c>thing1</c>).</summary>
public sealed record LibraryKeyword(int Kid, string Kind, string Name)
{
    public string Key => Kind + Kid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
