using Hutong.Contracts.MiniPrograms;
using Hutong.Contracts.Wallet;

namespace Hutong.Web.MiniPrograms;

/// <summary>
/// One row of the service notices on Discover → Mini Programs: a mini-program's message, or a Hutong Pay notice of a
/// payment or refund.
/// </summary>
public abstract record ServiceNoticeItem(DateTimeOffset At)
{
    /// <summary>
    /// Both sources in one list, newest first. Each answered its newest notices; where the Pay notices go on past the
    /// page that came, whatever is older than its last is left out, because the Pay notices missing would belong
    /// among it.
    /// </summary>
    public static IReadOnlyList<ServiceNoticeItem> Merge(IReadOnlyList<ServiceNotice> apps, PaymentNoticeList pay)
    {
        var items = apps.Select(n => (ServiceNoticeItem)new AppNoticeItem(n))
            .Concat(pay.Notices.Select(n => new PayNoticeItem(n)))
            .OrderByDescending(i => i.At)
            .ToList();
        if (pay.NextCursor is not null && pay.Notices.Count > 0)
        {
            var oldest = pay.Notices.Min(n => n.At);
            items.RemoveAll(i => i.At < oldest);
        }

        return items;
    }
}

public sealed record AppNoticeItem(ServiceNotice Notice) : ServiceNoticeItem(Notice.At);

public sealed record PayNoticeItem(PaymentNotice Notice) : ServiceNoticeItem(Notice.At);
