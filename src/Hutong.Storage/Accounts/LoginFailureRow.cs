using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Accounts;

/// <summary>Sign-in attempts counted against one account or address (<c>account:handle</c>, <c>address:ip</c>).</summary>
internal sealed class LoginFailureRow
{
    public required string Key { get; set; }

    public int Count { get; set; }

    public DateTimeOffset Since { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<LoginFailureRow>
    {
        public void Configure(EntityTypeBuilder<LoginFailureRow> row)
        {
            row.ToTable("login_failures");
            row.HasKey(f => f.Key);
            row.Property(f => f.Key).HasMaxLength(100);
            // Stale windows are swept by age.
            row.HasIndex(f => f.Since);
        }
    }
}
