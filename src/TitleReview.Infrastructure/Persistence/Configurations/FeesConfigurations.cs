using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Units;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class UnitPaymentConfiguration : IEntityTypeConfiguration<UnitPayment>
{
    /// <summary>A statement row's outcome note carries the computed difference before the office's own words.</summary>
    public const int OutcomeNoteLength = 1000;

    public void Configure(EntityTypeBuilder<UnitPayment> builder)
    {
        builder.ToTable("UnitPayments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.UnitName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.ReceivedAmount).HasPrecision(18, 2);
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.OutcomeNote).HasMaxLength(OutcomeNoteLength);
        builder.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(p => new { p.CampaignId, p.UnitId }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Transfers).WithOne().HasForeignKey(t => t.UnitPaymentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Transfers).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_transfers");
    }
}

internal sealed class PaymentTransferConfiguration : IEntityTypeConfiguration<PaymentTransfer>
{
    public void Configure(EntityTypeBuilder<PaymentTransfer> builder)
    {
        builder.ToTable("PaymentTransfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.PayerAccountName).HasMaxLength(PaymentTransfer.MaxPayerLength).IsRequired();
        builder.Property(t => t.Amount).HasPrecision(18, 2);
        builder.Property(t => t.Remark).HasMaxLength(PaymentTransfer.MaxRemarkLength);
        builder.Property(t => t.VoucherName).HasMaxLength(260).IsRequired();
        builder.Property(t => t.VoucherSafeName).HasMaxLength(260).IsRequired();
        builder.Property(t => t.VoucherStorageKey).HasMaxLength(200).IsRequired();
        builder.Property(t => t.VoucherSha256).HasMaxLength(64).IsRequired();
        builder.Property(t => t.VoucherContentType).HasMaxLength(100).IsRequired();
        builder.Property(t => t.RecordedBy).HasMaxLength(450).IsRequired();
        builder.HasIndex(t => t.UnitPaymentId);
    }
}

internal sealed class StatementRowConfiguration : IEntityTypeConfiguration<StatementRow>
{
    public void Configure(EntityTypeBuilder<StatementRow> builder)
    {
        builder.ToTable("StatementRows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Fingerprint).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Payer).HasMaxLength(StatementRow.MaxPayerLength).IsRequired();
        builder.Property(r => r.Amount).HasPrecision(18, 2);
        builder.Property(r => r.Remark).HasMaxLength(StatementRow.MaxRemarkLength);
        builder.Property(r => r.ImportedBy).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DecisionNote).HasMaxLength(UnitPayment.MaxNoteLength);

        // The same row imported twice is refused by the database too, should two imports race.
        builder.HasIndex(r => new { r.CampaignId, r.Fingerprint }).IsUnique();
        builder.HasIndex(r => new { r.CampaignId, r.Decision });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UnitPayment>().WithMany().HasForeignKey(r => r.UnitPaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}
