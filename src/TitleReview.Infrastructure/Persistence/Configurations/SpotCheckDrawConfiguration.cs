using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class SpotCheckDrawConfiguration : IEntityTypeConfiguration<SpotCheckDraw>
{
    public void Configure(EntityTypeBuilder<SpotCheckDraw> builder)
    {
        builder.ToTable("SpotCheckDraws");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.Rules);
        builder.Ignore(d => d.Units);
        builder.Ignore(d => d.DrawCandidates);
        builder.Ignore(d => d.SeedIsPublic);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.UnitsMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.AcrossMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Seed).HasMaxLength(64);
        builder.Property(d => d.Commitment).HasMaxLength(64);
        builder.Property(d => d.CandidatesDigest).HasMaxLength(64);
        builder.Property(d => d.PublicValueSource).HasMaxLength(SpotCheckDraw.MaxPublicValueLength);
        builder.Property(d => d.PublicValue).HasMaxLength(SpotCheckDraw.MaxPublicValueLength);
        builder.Property(d => d.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(d => d.CampaignId).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(d => d.Candidates, candidate =>
        {
            candidate.ToTable("SpotCheckCandidates");
            candidate.WithOwner().HasForeignKey("DrawId");
            candidate.HasKey(c => c.Id);
            candidate.Property(c => c.Number).HasMaxLength(16).IsRequired();
            candidate.Property(c => c.MaskedName).HasMaxLength(SpotCheckDraw.MaxNameLength).IsRequired();
            candidate.Property(c => c.UnitNumber).HasMaxLength(64).IsRequired();
            candidate.Property(c => c.UnitName).HasMaxLength(200).IsRequired();
            candidate.Property(c => c.Choice).HasConversion<string>().HasMaxLength(16);
            candidate.Ignore(c => c.Chosen);
            candidate.HasIndex("DrawId", nameof(SpotCheckCandidate.Number)).IsUnique();
            candidate.HasIndex(c => c.ApplicationId);
            candidate.HasOne<TitleApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(d => d.Candidates).HasField("_candidates").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(d => d.Steps, step =>
        {
            step.ToTable("SpotCheckSteps");
            step.WithOwner().HasForeignKey("DrawId");
            step.HasKey(s => s.Id);
            step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            step.Property(s => s.ActorId).HasMaxLength(450).IsRequired();
            step.Property(s => s.ActorName).HasMaxLength(SpotCheckDraw.MaxNameLength).IsRequired();
            step.Property(s => s.Text).IsRequired();
        });
        builder.Navigation(d => d.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
