using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications.Committee.Voting;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

/// <summary>
/// A session, its receipts and its ballot boxes (ADR 0047). The receipts (who voted) and the boxes
/// (how many voted what) are two tables that share only the session, the candidate and the round:
/// neither has a generated key or a time, and a box row is written when its round starts and then
/// only updated in place, so not even SQLite's hidden rowid follows the order of the ballots.
/// </summary>
internal sealed class VotingSessionConfiguration : IEntityTypeConfiguration<VotingSession>
{
    public void Configure(EntityTypeBuilder<VotingSession> builder)
    {
        builder.ToTable("VotingSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.CampaignId, s.Level }).IsUnique();
        builder.Property(s => s.OpenedBy).HasMaxLength(450).IsRequired();
        builder.Property(s => s.ClosedBy).HasMaxLength(450);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(s => s.IsOpen);
        builder.Ignore(s => s.Voted);

        builder.PrimitiveCollection(s => s.Present).HasField("_present").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(s => s.Candidates, candidate =>
        {
            candidate.ToJson();
            candidate.Property(c => c.RevoteReason).HasMaxLength(RevoteHasAReasonRule.MaxReasonLength);
        });
        builder.Navigation(s => s.Candidates).HasField("_candidates").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(s => s.Recusals, recusal => recusal.ToJson());
        builder.Navigation(s => s.Recusals).HasField("_recusals").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(s => s.Results, result => result.ToJson());
        builder.Navigation(s => s.Results).HasField("_results").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Receipts, receipt =>
        {
            receipt.ToTable("VoteReceipts");
            receipt.WithOwner().HasForeignKey("SessionId");
            receipt.HasKey("SessionId", nameof(VoteReceipt.ExpertId), nameof(VoteReceipt.ApplicationId), nameof(VoteReceipt.Round));
        });
        builder.Navigation(s => s.Receipts).HasField("_receipts").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Ballots, box =>
        {
            box.ToTable("BallotBoxes");
            box.WithOwner().HasForeignKey("SessionId");
            box.HasKey("SessionId", nameof(BallotBox.ApplicationId), nameof(BallotBox.Round));
            box.Ignore(b => b.Total);
        });
        builder.Navigation(s => s.Ballots).HasField("_ballots").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
