using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.Core.Errors;

namespace Hutong.Wallet.Merchants.V3;

/// <summary>
/// Reads a request body's fields as WeChat Pay checks them: the first missing, mistyped or too long field becomes a
/// <c>PARAM_ERROR</c> naming it, and the rest are still read (as null) so the caller checks <see cref="Error"/> once.
/// </summary>
internal sealed class V3Fields
{
    private readonly JsonObject _json;
    private readonly string _prefix;

    private V3Fields(JsonObject json, string prefix)
    {
        _json = json;
        _prefix = prefix;
    }

    public Error? Error { get; private set; }

    public static V3Fields Of(JsonObject json, string prefix = "") => new(json, prefix);

    public string? String(string name, int maxLength, bool required)
    {
        if (!_json.TryGetPropertyValue(name, out var node) || node is null)
        {
            return Missing(name, required);
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return Fail<string>(name, "应为字符串: must be a string.");
        }

        var value = node.GetValue<string>();
        if (value.Length == 0)
        {
            return Missing(name, required);
        }

        return value.Length > maxLength ? Fail<string>(name, $"长度超过限制: at most {maxLength} characters.") : value;
    }

    public long? Integer(string name, bool required)
    {
        if (!_json.TryGetPropertyValue(name, out var node) || node is null)
        {
            Missing(name, required);
            return null;
        }

        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out var value)
            ? value
            : Fail<long?>(name, "应为整数: must be a whole number.");
    }

    public JsonObject? Object(string name, bool required)
    {
        if (!_json.TryGetPropertyValue(name, out var node) || node is null)
        {
            Missing(name, required);
            return null;
        }

        return node as JsonObject ?? Fail<JsonObject>(name, "应为对象: must be an object.");
    }

    private string? Missing(string name, bool required) => required ? Fail<string>(name, "缺少必填参数: is required.") : null;

    private T? Fail<T>(string name, string message)
    {
        Error ??= V3Errors.ParamError($"{_prefix}{name} {message}");
        return default;
    }
}
