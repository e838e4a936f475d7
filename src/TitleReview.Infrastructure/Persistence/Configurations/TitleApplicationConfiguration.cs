using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Units;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class TitleApplicationConfiguration : IEntityTypeConfiguration<TitleApplication>
{
    public void Configure(EntityTypeBuilder<TitleApplication> builder)
    {
        builder.ToTable("Applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ApplicantUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.ApplicantName).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.ConcurrencyToken).IsConcurrencyToken();
        builder.Property(a => a.CurrentTitle).HasMaxLength(50);
        builder.Property(a => a.CurrentPost).HasMaxLength(100);
        builder.Property(a => a.EvaluationType).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.PublicityOutcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.PublicityNote).HasMaxLength(500);
        builder.HasIndex(a => new { a.CampaignId, a.ApplicantUserId }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
