using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Applications.Supplements;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class SupplementConfiguration : IEntityTypeConfiguration<Supplement>
{
    public void Configure(EntityTypeBuilder<Supplement> builder)
    {
        builder.ToTable("Supplements");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Note).HasMaxLength(Supplement.MaxNoteLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(450).IsRequired();
        builder.Property(s => s.DecisionReason).HasMaxLength(Supplement.MaxReasonLength);
        builder.Property(s => s.DecidedByName).HasMaxLength(100);
        builder.Ignore(s => s.IsSubmitted);
        builder.Ignore(s => s.Bytes);
        builder.HasIndex(s => new { s.ApplicationId, s.Round }).IsUnique();
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Files).WithOne().HasForeignKey(f => f.SupplementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Files).HasField("_files").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupplementFileConfiguration : IEntityTypeConfiguration<SupplementFile>
{
    public void Configure(EntityTypeBuilder<SupplementFile> builder)
    {
        builder.ToTable("SupplementFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.OriginalName).HasMaxLength(200).IsRequired();
        builder.Property(f => f.SafeName).HasMaxLength(220).IsRequired();
        builder.Property(f => f.StorageKey).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(64).IsRequired();
    }
}

internal sealed class PublicityFeedbackConfiguration : IEntityTypeConfiguration<PublicityFeedback>
{
    public void Configure(EntityTypeBuilder<PublicityFeedback> builder)
    {
        builder.ToTable("PublicityFeedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Objection).HasMaxLength(PublicityFeedback.MaxTextLength);
        builder.Property(f => f.Handling).HasMaxLength(PublicityFeedback.MaxTextLength);
        builder.Property(f => f.RecordedBy).HasMaxLength(450).IsRequired();
        builder.Property(f => f.RecordedByName).HasMaxLength(100).IsRequired();
        builder.Ignore(f => f.IsSubmitted);
        builder.HasIndex(f => f.ApplicationId).IsUnique();
        builder.HasIndex(f => new { f.CampaignId, f.UnitId });
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
