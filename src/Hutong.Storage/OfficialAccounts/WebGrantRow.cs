using Hutong.OfficialAccounts.WebAuth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>
/// A web authorization code, access token or refresh token by its SHA-256 (a leaked table opens nothing); a code's
/// <see cref="UsedAt"/> is set by the one exchange that wins it.
/// </summary>
internal sealed class WebGrantRow
{
    public required string Hash { get; set; }

    public required string Kind { get; set; }

    public Guid AccountId { get; set; }

    public Guid UserId { get; set; }

    public required string Scope { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public static WebGrantRow From(WebGrant grant) => new()
    {
        Hash = grant.Hash,
        Kind = grant.Kind,
        AccountId = grant.AccountId,
        UserId = grant.UserId,
        Scope = grant.Scope,
        ExpiresAt = grant.ExpiresAt,
    };

    public WebGrant ToDomain() => new(Hash, Kind, AccountId, UserId, Scope, ExpiresAt);

    internal sealed class Configuration : IEntityTypeConfiguration<WebGrantRow>
    {
        public void Configure(EntityTypeBuilder<WebGrantRow> row)
        {
            row.ToTable("oa_web_grants");
            row.HasKey(g => g.Hash);
            row.Property(g => g.Hash).HasMaxLength(64);
            row.Property(g => g.Kind).HasMaxLength(16);
            row.Property(g => g.Scope).HasMaxLength(32);
            row.HasIndex(g => new { g.AccountId, g.ExpiresAt });
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
