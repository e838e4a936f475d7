using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.ExpertReview;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class DossierOpeningConfiguration : IEntityTypeConfiguration<DossierOpening>
{
    public void Configure(EntityTypeBuilder<DossierOpening> builder)
    {
        builder.ToTable("DossierOpenings");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Expert>().WithMany().HasForeignKey(o => o.ExpertId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);

        // The inspector's page filters a campaign's openings by candidate or expert, newest first.
        builder.HasIndex(o => new { o.CampaignId, o.OpenedAt });
        builder.HasIndex(o => o.ApplicationId);
        builder.HasIndex(o => o.ExpertId);
    }
}

internal sealed class ExpertOpinionConfiguration : IEntityTypeConfiguration<ExpertOpinion>
{
    public void Configure(EntityTypeBuilder<ExpertOpinion> builder)
    {
        builder.ToTable("ExpertOpinions");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Text).HasMaxLength(ExpertOpinion.MaxTextLength).IsRequired();
        builder.Property(o => o.Recommendation).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.ConcurrencyToken).IsConcurrencyToken();
        builder.HasOne<Expert>().WithMany().HasForeignKey(o => o.ExpertId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);

        // One opinion per expert per candidate, revised in place.
        builder.HasIndex(o => new { o.ApplicationId, o.ExpertId }).IsUnique();
        builder.HasIndex(o => o.CampaignId);
    }
}
