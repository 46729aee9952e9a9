using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>A <c>wx.login</c> code by its hash; used once, and useless after it expires.</summary>
internal sealed class LoginCodeRow
{
    public required string CodeHash { get; set; }

    public Guid AppKey { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<LoginCodeRow>
    {
        public void Configure(EntityTypeBuilder<LoginCodeRow> row)
        {
            row.ToTable("mp_login_codes");
            row.HasKey(c => c.CodeHash);
            row.HasIndex(c => c.ExpiresAt);
            row.Property(c => c.CodeHash).HasMaxLength(64);
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(c => c.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
