using Hutong.Wallet.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet;

internal sealed class LedgerAccountRow
{
    public Guid Id { get; set; }

    public int Code { get; set; }

    public Guid? OwnerId { get; set; }

    public required string Currency { get; set; }

    public int Limits { get; set; }

    public long DebitsPending { get; set; }

    public long DebitsPosted { get; set; }

    public long CreditsPending { get; set; }

    public long CreditsPosted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public LedgerAccount ToDomain() =>
        new(Id, (AccountCode)Code, OwnerId, Currency, (AccountLimits)Limits, DebitsPending, DebitsPosted, CreditsPending, CreditsPosted);

    public static LedgerAccountRow From(LedgerAccount account, DateTimeOffset createdAt) => new()
    {
        Id = account.Id,
        Code = (int)account.Code,
        OwnerId = account.OwnerId,
        Currency = account.Currency,
        Limits = (int)account.Limits,
        DebitsPending = account.DebitsPending,
        DebitsPosted = account.DebitsPosted,
        CreditsPending = account.CreditsPending,
        CreditsPosted = account.CreditsPosted,
        CreatedAt = createdAt,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<LedgerAccountRow>
    {
        public void Configure(EntityTypeBuilder<LedgerAccountRow> row)
        {
            row.ToTable("ledger_accounts");
            row.HasKey(a => a.Id);
            row.Property(a => a.Currency).HasMaxLength(3);
            row.HasIndex(a => a.OwnerId);
        }
    }
}
