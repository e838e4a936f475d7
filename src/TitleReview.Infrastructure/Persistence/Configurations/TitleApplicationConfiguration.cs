using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Opinions;
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
        builder.Property(a => a.CurrentTitleLevel).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.EducationDegree).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.EducationSchool).HasMaxLength(Domain.Applications.Dossier.StatedEducation.MaxSchoolLength);
        builder.Ignore(a => a.Education);
        builder.Property(a => a.PublicityOutcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.PublicityNote).HasMaxLength(500);
        builder.Property(a => a.UnitOpinion).HasMaxLength(ReviewFormOpinions.MaxLength);
        builder.Property(a => a.DepartmentOpinion).HasMaxLength(ReviewFormOpinions.MaxLength);
        builder.Property(a => a.OpinionDepartment).HasMaxLength(200);
        builder.Property(a => a.OpinionsRecordedBy).HasMaxLength(64);
        builder.HasIndex(a => new { a.CampaignId, a.ApplicantUserId }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.LatestReturnRound);

        // The dossier's parts, owned by the application: loaded and changed only through it.
        builder.HasMany(a => a.Entries).WithOne().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Attachments).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Verifications).WithOne().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Returns).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        foreach (var parts in new[] { nameof(TitleApplication.Entries), nameof(TitleApplication.Attachments), nameof(TitleApplication.Verifications), nameof(TitleApplication.Returns) })
        {
            builder.Navigation(parts).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}
