using System.Text.Json;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>A keyword rule of an account, at its place in the order; keywords and reply as JSON.</summary>
internal sealed class ReplyRuleRow
{
    public Guid AccountId { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }

    public required string Keywords { get; set; }

    public required string Reply { get; set; }

    public static ReplyRuleRow From(Guid accountId, int position, ReplyRule rule) => new()
    {
        AccountId = accountId,
        Position = position,
        Name = rule.Name,
        Keywords = JsonSerializer.Serialize(rule.Keywords, HutongJsonContext.Default.IReadOnlyListReplyKeyword),
        Reply = AutoReplyRow.Encode(rule.Reply)!,
    };

    public ReplyRule ToDomain() => new(
        Name, JsonSerializer.Deserialize(Keywords, HutongJsonContext.Default.IReadOnlyListReplyKeyword) ?? [], AutoReplyRow.Decode(Reply)!);

    internal sealed class Configuration : IEntityTypeConfiguration<ReplyRuleRow>
    {
        public void Configure(EntityTypeBuilder<ReplyRuleRow> row)
        {
            row.ToTable("oa_reply_rules");
            row.HasKey(r => new { r.AccountId, r.Position });
            row.Property(r => r.Name).HasMaxLength(1000);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
