using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Wallet.Merchants;

internal sealed class PaymentKeyRow
{
    public required string SerialNo { get; set; }

    public required byte[] PrivateKey { get; set; }

    public required byte[] Certificate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public Hutong.Wallet.Merchants.Platform.PaymentKey ToDomain() => new(SerialNo, PrivateKey, Certificate, CreatedAt, RetiredAt);

    internal sealed class Configuration : IEntityTypeConfiguration<PaymentKeyRow>
    {
        public void Configure(EntityTypeBuilder<PaymentKeyRow> row)
        {
            row.ToTable("payment_keys");
            row.HasKey(k => k.SerialNo);
            row.Property(k => k.SerialNo).HasMaxLength(64);
        }
    }
}
