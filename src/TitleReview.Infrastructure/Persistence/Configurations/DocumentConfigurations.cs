using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Documents;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class DossierSnapshotConfiguration : IEntityTypeConfiguration<DossierSnapshot>
{
    public void Configure(EntityTypeBuilder<DossierSnapshot> builder)
    {
        builder.ToTable("DossierSnapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Content).IsRequired();
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ApplicationId, s.TakenAt });
    }
}

internal sealed class GeneratedDocumentConfiguration : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> builder)
    {
        builder.ToTable("GeneratedDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Number).HasMaxLength(32).IsRequired();
        builder.Property(d => d.VerificationCode).HasMaxLength(GeneratedDocument.CodeLength).IsRequired();
        builder.Ignore(d => d.IsCurrent);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.HasIndex(d => d.Number).IsUnique();
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DossierSnapshot>().WithMany().HasForeignKey(d => d.SnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}
