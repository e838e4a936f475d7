using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class UnitResultsReportConfiguration : IEntityTypeConfiguration<UnitResultsReport>
{
    public void Configure(EntityTypeBuilder<UnitResultsReport> builder)
    {
        builder.ToTable("UnitResultsReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.CampaignId, r.UnitId }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.UnitName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Place).HasMaxLength(UnitResultsReport.MaxPlaceLength);
        builder.Property(r => r.SubmittedBy).HasMaxLength(450);
        builder.Property(r => r.SubmittedByName).HasMaxLength(100);
        builder.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(r => r.IsSubmitted);

        // The objections are replaced as a whole with each report: one JSON column.
        builder.OwnsMany(r => r.Objections, objection => objection.ToJson());
        builder.Navigation(r => r.Objections).HasField("_objections").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
