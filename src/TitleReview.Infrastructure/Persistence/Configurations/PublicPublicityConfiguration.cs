using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class PublicPublicityConfiguration : IEntityTypeConfiguration<PublicPublicity>
{
    public void Configure(EntityTypeBuilder<PublicPublicity> builder)
    {
        builder.ToTable("PublicPublicities");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(200).IsRequired();
        builder.Property(p => p.PublishedBy).HasMaxLength(450).IsRequired();
        builder.Property(p => p.PublishedByName).HasMaxLength(100).IsRequired();
        builder.HasIndex(p => new { p.CampaignId, p.Kind }).IsUnique();
        builder.HasIndex(p => p.LastDay);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
