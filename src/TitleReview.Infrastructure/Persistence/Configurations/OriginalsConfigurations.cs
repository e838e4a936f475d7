using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Integrity;
using TitleReview.Domain.Applications.Originals;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class OriginalsCheckConfiguration : IEntityTypeConfiguration<OriginalsCheck>
{
    public void Configure(EntityTypeBuilder<OriginalsCheck> builder)
    {
        builder.ToTable("OriginalsChecks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ConcludedByName).HasMaxLength(OriginalsCheck.MaxNameLength);
        builder.Property(c => c.LateReason).HasMaxLength(OriginalsCheck.MaxReasonLength);
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(c => c.IsConcluded);
        builder.Ignore(c => c.Mismatches);
        builder.Ignore(c => c.FindingsText);
        builder.HasIndex(c => c.ApplicationId).IsUnique();
        builder.HasIndex(c => c.CampaignId);
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);

        // One JSON column: saving a dossier's worth of items is one statement, however many there are.
        builder.OwnsMany(c => c.Items, item => item.ToJson());
        builder.Navigation(c => c.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IntegrityCaseConfiguration : IEntityTypeConfiguration<IntegrityCase>
{
    public void Configure(EntityTypeBuilder<IntegrityCase> builder)
    {
        builder.ToTable("IntegrityCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.OpenedBy).HasMaxLength(450).IsRequired();
        builder.Property(c => c.OpenedByName).HasMaxLength(IntegrityCase.MaxNameLength).IsRequired();
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.DecisionReasons).HasMaxLength(IntegrityCase.MaxReasonsLength);
        builder.Property(c => c.RevokedCertificateNumber).HasMaxLength(64);
        builder.Property(c => c.DecidedBy).HasMaxLength(450);
        builder.Property(c => c.DecidedByName).HasMaxLength(IntegrityCase.MaxNameLength);
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(c => c.IsDecided);
        builder.HasIndex(c => new { c.ApplicationId, c.Status });
        builder.HasIndex(c => new { c.CampaignId, c.Status });
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.Findings, finding => finding.ToJson());
        builder.Navigation(c => c.Findings).HasField("_findings").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The notes and scans' records in one JSON column, like the findings: adding one writes one row.
        builder.OwnsMany(c => c.Evidence, evidence =>
        {
            evidence.ToJson();
            evidence.Property(e => e.Kind).HasConversion<string>();
        });
        builder.Navigation(c => c.Evidence).HasField("_evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
