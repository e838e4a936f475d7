using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Units;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class PaperDeliveryConfiguration : IEntityTypeConfiguration<PaperDelivery>
{
    public void Configure(EntityTypeBuilder<PaperDelivery> builder)
    {
        builder.ToTable("PaperDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.OpenedBy).HasMaxLength(450).IsRequired();
        builder.Property(d => d.OpenedByName).HasMaxLength(PaperDelivery.MaxNameLength).IsRequired();
        builder.Property(d => d.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(d => new { d.CampaignId, d.UnitId }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Envelopes).WithOne().HasForeignKey(e => e.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Envelopes).HasField("_envelopes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EnvelopeCheckInConfiguration : IEntityTypeConfiguration<EnvelopeCheckIn>
{
    public void Configure(EntityTypeBuilder<EnvelopeCheckIn> builder)
    {
        builder.ToTable("EnvelopeCheckIns");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CheckedBy).HasMaxLength(450).IsRequired();
        builder.Property(e => e.CheckedByName).HasMaxLength(PaperDelivery.MaxNameLength).IsRequired();
        builder.Ignore(e => e.IsComplete);
        builder.Ignore(e => e.Shortfall);
        builder.HasIndex(e => e.ApplicationId).IsUnique();
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(e => e.Items, item =>
        {
            item.ToTable("EnvelopeCheckInItems");
            item.WithOwner().HasForeignKey("CheckInId");
            item.Property<Guid>("Id").ValueGeneratedOnAdd();
            item.HasKey("Id");
            item.Property(i => i.Name).HasMaxLength(200).IsRequired();
            item.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            item.Property(i => i.Note).HasMaxLength(CheckedItem.MaxNoteLength);
            item.Ignore(i => i.IsReceived);
        });
        builder.Navigation(e => e.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PaperDeliveryExceptionConfiguration : IEntityTypeConfiguration<PaperDeliveryException>
{
    public void Configure(EntityTypeBuilder<PaperDeliveryException> builder)
    {
        builder.ToTable("PaperDeliveryExceptions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Reason).HasMaxLength(PaperDeliveryException.MaxReasonLength).IsRequired();
        builder.Property(e => e.GrantedBy).HasMaxLength(450).IsRequired();
        builder.Property(e => e.GrantedByName).HasMaxLength(PaperDelivery.MaxNameLength).IsRequired();
        builder.HasIndex(e => new { e.CampaignId, e.UnitId, e.Until });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeliveryReceiptConfiguration : IEntityTypeConfiguration<DeliveryReceipt>
{
    public void Configure(EntityTypeBuilder<DeliveryReceipt> builder)
    {
        builder.ToTable("DeliveryReceipts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Number).HasMaxLength(32).IsRequired();
        builder.Property(r => r.VerificationCode).HasMaxLength(GeneratedDocument.CodeLength).IsRequired();
        builder.Ignore(r => r.IsCurrent);
        builder.HasIndex(r => r.VerificationCode).IsUnique();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.DeliveryId, r.IssuedAt });
        builder.HasOne<PaperDelivery>().WithMany().HasForeignKey(r => r.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
