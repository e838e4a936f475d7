using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("Certificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Number).HasMaxLength(64).IsRequired();
        builder.Property(c => c.ApplicantName).HasMaxLength(50).IsRequired();
        builder.Property(c => c.IdNumber).HasMaxLength(Domain.Common.IdNumber.Length).IsRequired();
        builder.Property(c => c.UnitName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.TitleName).HasMaxLength(20).IsRequired();
        builder.Property(c => c.CommitteeName).HasMaxLength(ReviewCommitteeNameLength).IsRequired();
        builder.Property(c => c.VerificationCode).HasMaxLength(Certificate.VerificationCodeLength).IsRequired();
        builder.Property(c => c.IssuedBy).HasMaxLength(450);
        builder.Property(c => c.IssuedByName).HasMaxLength(100);
        builder.Property(c => c.RevokedReason).HasMaxLength(Certificate.MaxReasonLength);
        builder.Property(c => c.RevokedBy).HasMaxLength(450);
        builder.Property(c => c.RevokedByName).HasMaxLength(100);
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(c => c.IsValid);
        builder.Ignore(c => c.MaskedIdNumber);

        // The numbers of a campaign's level never repeat; a case holds one valid certificate (the
        // column is null once revoked); a code finds exactly one certificate.
        builder.HasIndex(c => new { c.CampaignId, c.Level, c.Sequence }).IsUnique();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.ValidApplicationId).IsUnique();
        builder.HasIndex(c => c.VerificationCode).IsUnique();
        builder.HasIndex(c => c.ApplicationId);
        builder.HasIndex(c => new { c.CampaignId, c.UnitId });
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CertificateCollection>().WithMany().HasForeignKey(c => c.CollectionId).OnDelete(DeleteBehavior.Restrict);
    }

    private const int ReviewCommitteeNameLength = Domain.Applications.Committee.ReviewCommittee.MaxNameLength;
}

internal sealed class CertificateNumberingConfiguration : IEntityTypeConfiguration<CertificateNumbering>
{
    public void Configure(EntityTypeBuilder<CertificateNumbering> builder)
    {
        builder.ToTable("CertificateNumberings");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Prefix).HasMaxLength(CertificateNumberingScheme.MaxPrefixLength);
        builder.Property(n => n.LevelCode).HasMaxLength(CertificateNumberingScheme.MaxLevelCodeLength);
        builder.Property(n => n.UpdatedBy).HasMaxLength(450);
        builder.Property(n => n.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(n => n.Scheme);
        builder.Ignore(n => n.NextNumber);
        builder.HasIndex(n => new { n.CampaignId, n.Level }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(n => n.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateCollectionConfiguration : IEntityTypeConfiguration<CertificateCollection>
{
    public void Configure(EntityTypeBuilder<CertificateCollection> builder)
    {
        builder.ToTable("CertificateCollections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.UnitName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.CollectorName).HasMaxLength(CertificateCollection.MaxCollectorLength).IsRequired();
        builder.Property(c => c.Note).HasMaxLength(CertificateCollection.MaxNoteLength);
        builder.Property(c => c.RecordedBy).HasMaxLength(450);
        builder.Property(c => c.RecordedByName).HasMaxLength(100);
        builder.HasIndex(c => new { c.CampaignId, c.UnitId });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificatePrintLayoutConfiguration : IEntityTypeConfiguration<CertificatePrintLayout>
{
    public void Configure(EntityTypeBuilder<CertificatePrintLayout> builder)
    {
        builder.ToTable("CertificatePrintLayouts");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.SheetWidthMm).HasPrecision(6, 1);
        builder.Property(l => l.SheetHeightMm).HasPrecision(6, 1);
        builder.Property(l => l.UpdatedBy).HasMaxLength(450);
        builder.Property(l => l.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(l => l.CampaignId).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Restrict);

        // The positions are saved as a whole with each adjustment: one JSON column.
        builder.OwnsMany(l => l.Positions, position =>
        {
            position.ToJson();
            position.Property(p => p.Field).HasConversion<string>();
        });
        builder.Navigation(l => l.Positions).HasField("_positions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
