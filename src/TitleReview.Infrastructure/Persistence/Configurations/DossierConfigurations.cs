using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications.Dossier;

namespace TitleReview.Infrastructure.Persistence.Configurations;

// The dossier's parts are reached only through their root, TitleApplication, whose configuration
// maps the collections (TitleApplicationConfiguration); here each part's own table and columns.

/// <summary>All entry kinds share one table (TPH); each kind's own columns are nullable there.</summary>
internal sealed class DossierItemConfiguration : IEntityTypeConfiguration<DossierItem>
{
    public void Configure(EntityTypeBuilder<DossierItem> builder)
    {
        builder.ToTable("DossierItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Ignore(i => i.Section);
        builder.Ignore(i => i.Key);
        builder.Ignore(i => i.EntryKind);
        builder.Ignore(i => i.TakesScan);
        builder.Ignore(i => i.MandatoryItemKey);
        builder.HasDiscriminator<string>("ItemType")
            .HasValue<ContinuingEducationYear>(DossierEntryKinds.Education)
            .HasValue<WorkHistoryEntry>(DossierEntryKinds.Work)
            .HasValue<Award>(DossierEntryKinds.Award)
            .HasValue<WorkMaterial>(DossierEntryKinds.Material)
            .HasValue<Paper>(DossierEntryKinds.Paper)
            .HasValue<Book>(DossierEntryKinds.Book);
        builder.Property<string>("ItemType").HasMaxLength(16);
        builder.HasIndex(i => i.ApplicationId);
    }
}

internal sealed class WorkHistoryEntryConfiguration : IEntityTypeConfiguration<WorkHistoryEntry>
{
    public void Configure(EntityTypeBuilder<WorkHistoryEntry> builder)
    {
        builder.Property(w => w.Unit).HasColumnName("Unit").HasMaxLength(200);
        builder.Property(w => w.Post).HasColumnName("Post").HasMaxLength(200);
        builder.Property(w => w.From).HasColumnName("FromDate");
        builder.Property(w => w.To).HasColumnName("ToDate");
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> builder)
    {
        builder.Property(a => a.Name).HasColumnName("Name").HasMaxLength(200);
        builder.Property(a => a.Level).HasColumnName("AwardLevel").HasMaxLength(200);
        builder.Property(a => a.Issuer).HasColumnName("Issuer").HasMaxLength(200);
        builder.Property(a => a.Date).HasColumnName("Date");
    }
}

internal sealed class WorkMaterialConfiguration : IEntityTypeConfiguration<WorkMaterial>
{
    public void Configure(EntityTypeBuilder<WorkMaterial> builder)
    {
        builder.Property(m => m.Kind).HasColumnName("MaterialKind").HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Title).HasColumnName("Title").HasMaxLength(200);
        builder.Property(m => m.Date).HasColumnName("Date");
    }
}

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.Property(p => p.Title).HasColumnName("Title").HasMaxLength(200);
        builder.Property(p => p.Journal).HasMaxLength(200);
        builder.Property(p => p.Issue).HasMaxLength(200);
        builder.Property(p => p.IssnCn).HasMaxLength(200);
        builder.Property(p => p.Date).HasColumnName("Date");
    }
}

internal sealed class BookConfiguration : IEntityTypeConfiguration<Book>
{
    public void Configure(EntityTypeBuilder<Book> builder)
    {
        builder.Property(b => b.Title).HasColumnName("Title").HasMaxLength(200);
        builder.Property(b => b.Publisher).HasMaxLength(200);
        builder.Property(b => b.Isbn).HasMaxLength(200);
        builder.Property(b => b.Role).HasMaxLength(200);
        builder.Property(b => b.Date).HasColumnName("Date");
    }
}

internal sealed class DossierAttachmentConfiguration : IEntityTypeConfiguration<DossierAttachment>
{
    public void Configure(EntityTypeBuilder<DossierAttachment> builder)
    {
        builder.ToTable("DossierAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.SlotKey).HasMaxLength(100).IsRequired();
        builder.Property(a => a.OriginalName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.SafeName).HasMaxLength(220).IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(64).IsRequired();
        builder.Property(a => a.UploadedBy).HasMaxLength(450).IsRequired();
        builder.HasIndex(a => new { a.ApplicationId, a.SlotKey }).IsUnique();
        builder.HasIndex(a => a.Sha256);
    }
}

internal sealed class DossierVerificationConfiguration : IEntityTypeConfiguration<DossierVerification>
{
    public void Configure(EntityTypeBuilder<DossierVerification> builder)
    {
        builder.ToTable("DossierVerifications");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.ItemKey).HasMaxLength(100).IsRequired();
        builder.Property(v => v.VerifiedBy).HasMaxLength(64).IsRequired();
        builder.HasIndex(v => new { v.ApplicationId, v.ItemKey }).IsUnique();
    }
}

internal sealed class AttachmentOpeningConfiguration : IEntityTypeConfiguration<AttachmentOpening>
{
    public void Configure(EntityTypeBuilder<AttachmentOpening> builder)
    {
        builder.ToTable("AttachmentOpenings");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.UserId).HasMaxLength(450).IsRequired();

        // A replaced scan takes its openings with it: the new file has to be opened again.
        builder.HasOne<DossierAttachment>().WithMany().HasForeignKey(o => o.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.AttachmentId, o.UserId });
    }
}

internal sealed class SectionReturnConfiguration : IEntityTypeConfiguration<SectionReturn>
{
    public void Configure(EntityTypeBuilder<SectionReturn> builder)
    {
        builder.ToTable("SectionReturns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Section).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Reason).HasMaxLength(SectionReturn.MaxReasonLength).IsRequired();
        builder.Property(r => r.ReturnedBy).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => new { r.ApplicationId, r.Round });
    }
}

internal sealed class CampaignLevelRuleConfiguration : IEntityTypeConfiguration<Domain.Campaigns.CampaignLevelRule>
{
    public void Configure(EntityTypeBuilder<Domain.Campaigns.CampaignLevelRule> builder)
    {
        builder.ToTable("CampaignLevelRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex("CampaignId", nameof(Domain.Campaigns.CampaignLevelRule.Level)).IsUnique();
        builder.Property(r => r.ReviewFee).HasPrecision(10, 2);
    }
}
