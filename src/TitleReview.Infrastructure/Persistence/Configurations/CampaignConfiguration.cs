using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.Year).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Campaign.MaxNameLength).IsRequired();
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.HasMany(c => c.Stages)
            .WithOne()
            .HasForeignKey("CampaignId")
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Stages).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_stages");
        builder.HasMany(c => c.Rules)
            .WithOne()
            .HasForeignKey("CampaignId")
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Rules).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_rules");
    }
}

internal sealed class CampaignStageConfiguration : IEntityTypeConfiguration<CampaignStage>
{
    public void Configure(EntityTypeBuilder<CampaignStage> builder)
    {
        builder.ToTable("CampaignStages");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Key).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Within).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.Ignore(s => s.LastSecond);
        builder.HasIndex("CampaignId", nameof(CampaignStage.Key)).IsUnique();
    }
}
