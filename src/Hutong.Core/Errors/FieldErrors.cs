namespace Hutong.Core.Errors;

/// <summary>Collects per-field validation messages so a request reports every bad field at once.</summary>
public sealed class FieldErrors
{
    private Dictionary<string, List<string>>? _fields;

    public bool Any => _fields is not null;

    public void Add(string field, string message)
    {
        _fields ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!_fields.TryGetValue(field, out var messages))
        {
            _fields[field] = messages = [];
        }

        messages.Add(message);
    }

    public Error ToError() =>
        Error.Validation(_fields?.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal) ?? []);
}
