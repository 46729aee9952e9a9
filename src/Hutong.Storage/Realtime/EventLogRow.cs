using Hutong.Realtime.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Realtime;

/// <summary>
/// An entry of a person's event log at (user, seq): the key is the order a device reads in. The event itself is its
/// JSON, so a new kind of event needs no new column.
/// </summary>
internal sealed class EventLogRow
{
    public Guid UserId { get; set; }

    public long Seq { get; set; }

    public required string Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Payload { get; set; }

    public StoredEvent ToDomain() => new(UserId, Seq, Kind, At, System.Text.Encoding.UTF8.GetBytes(Payload));

    public static EventLogRow From(StoredEvent e) => new()
    {
        UserId = e.UserId,
        Seq = e.Seq,
        Kind = e.Kind,
        At = e.At,
        Payload = System.Text.Encoding.UTF8.GetString(e.Payload),
    };

    internal sealed class Configuration : IEntityTypeConfiguration<EventLogRow>
    {
        public void Configure(EntityTypeBuilder<EventLogRow> row)
        {
            row.ToTable("user_events");
            row.HasKey(e => new { e.UserId, e.Seq });
            row.Property(e => e.Kind).HasMaxLength(32);
        }
    }
}
