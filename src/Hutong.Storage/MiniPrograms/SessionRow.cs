using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>A person's current session key at a mini-program, from their last code exchange, and their openid there.</summary>
internal sealed class SessionRow
{
    public Guid AppKey { get; set; }

    public Guid UserId { get; set; }

    public required string OpenId { get; set; }

    public required string SessionKey { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<SessionRow>
    {
        public void Configure(EntityTypeBuilder<SessionRow> row)
        {
            row.ToTable("mp_sessions");
            row.HasKey(s => new { s.AppKey, s.UserId });
            row.HasIndex(s => new { s.AppKey, s.OpenId }).IsUnique();
            row.Property(s => s.OpenId).HasMaxLength(32);
            row.Property(s => s.SessionKey).HasMaxLength(64);
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(s => s.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
