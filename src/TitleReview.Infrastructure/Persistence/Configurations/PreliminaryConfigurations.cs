using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class FailureReasonConfiguration : IEntityTypeConfiguration<FailureReason>
{
    public void Configure(EntityTypeBuilder<FailureReason> builder)
    {
        builder.ToTable("FailureReasons");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Text).HasMaxLength(FailureReason.MaxTextLength).IsRequired();
        builder.HasIndex(r => r.Text).IsUnique();
        builder.HasIndex(r => r.Order);
    }
}

internal sealed class PreliminaryDecisionConfiguration : IEntityTypeConfiguration<PreliminaryDecision>
{
    public void Configure(EntityTypeBuilder<PreliminaryDecision> builder)
    {
        builder.ToTable("PreliminaryDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Note).HasMaxLength(PreliminaryDecision.MaxNoteLength);
        builder.Property(d => d.ChangeReason).HasMaxLength(PreliminaryDecision.MaxNoteLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(450).IsRequired();
        builder.Property(d => d.DecidedByName).HasMaxLength(100).IsRequired();
        builder.Ignore(d => d.IsChange);
        builder.Ignore(d => d.Summary);
        builder.HasIndex(d => new { d.ApplicationId, d.DecidedAt });
        builder.HasIndex(d => new { d.CampaignId, d.SupersededAt });
        builder.HasOne<TitleApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(d => d.Reasons, reason =>
        {
            reason.ToTable("PreliminaryDecisionReasons");
            reason.WithOwner().HasForeignKey("DecisionId");
            reason.Property<Guid>("Id").ValueGeneratedOnAdd();
            reason.HasKey("Id");
            reason.Property(r => r.Text).HasMaxLength(FailureReason.MaxTextLength).IsRequired();
            reason.HasIndex(r => r.ReasonId);
            reason.HasOne<FailureReason>().WithMany().HasForeignKey(r => r.ReasonId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(d => d.Reasons).HasField("_reasons").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
