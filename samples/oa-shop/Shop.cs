using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OaShop;

/// <summary>
/// The shop's memory: who is signed in (a session per web authorization, by a random token the page keeps) and the
/// orders, each paid only when a verified notification says so. A real shop keeps these in its database.
/// </summary>
public sealed class Shop
{
    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    /// <summary>A new session for the person with that openid: the token the page sends with its calls.</summary>
    public string SignIn(string openId)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _sessions[token] = openId;
        return token;
    }

    /// <summary>The openid of the session a request's <c>Authorization: Bearer</c> names, or null.</summary>
    public string? OpenIdOf(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && _sessions.TryGetValue(header["Bearer ".Length..], out var openId)
            ? openId
            : null;

    public Order NewOrder(string openId, long amount)
    {
        var order = new Order("shop" + RandomNumberGenerator.GetHexString(16, lowercase: true), openId, amount);
        _orders[order.OutTradeNo] = order;
        return order;
    }

    public Order? Find(string outTradeNo) => _orders.GetValueOrDefault(outTradeNo);

    /// <summary>
    /// Marks an order paid, from a notification's transaction: only this shop's order, for its payer, in full. False
    /// for anything else, which a forged or mistaken notification could say.
    /// </summary>
    public bool MarkPaid(string? outTradeNo, string? payer, long? total, string? transactionId)
    {
        if (outTradeNo is null || !_orders.TryGetValue(outTradeNo, out var order) || order.OpenId != payer || order.Amount != total)
        {
            return false;
        }

        order.TransactionId = transactionId;
        return true;
    }
}

/// <summary>One order; <see cref="TransactionId"/> is set once the notification of its payment came.</summary>
public sealed class Order(string outTradeNo, string openId, long amount)
{
    public string OutTradeNo { get; } = outTradeNo;

    public string OpenId { get; } = openId;

    public long Amount { get; } = amount;

    public string? TransactionId { get; set; }

    public bool Paid => TransactionId is not null;
}
