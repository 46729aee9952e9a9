using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>A collaborator or tester of a mini-program (its developer is on the app's row).</summary>
internal sealed class MiniProgramMemberRow
{
    public Guid AppKey { get; set; }

    public Guid UserId { get; set; }

    public required string Role { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<MiniProgramMemberRow>
    {
        public void Configure(EntityTypeBuilder<MiniProgramMemberRow> row)
        {
            row.ToTable("mp_members");
            row.HasKey(m => new { m.AppKey, m.UserId });
            row.HasIndex(m => m.UserId);
            row.Property(m => m.Role).HasMaxLength(16);
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(m => m.AppKey).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
