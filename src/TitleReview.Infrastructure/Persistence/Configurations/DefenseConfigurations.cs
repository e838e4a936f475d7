using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.Defense;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class DefenseScheduleConfiguration : IEntityTypeConfiguration<DefenseSchedule>
{
    public void Configure(EntityTypeBuilder<DefenseSchedule> builder)
    {
        builder.ToTable("DefenseSchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.CampaignId).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.PublishedByName).HasMaxLength(64);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(s => s.IsPublished);

        builder.OwnsMany(s => s.Sessions, session =>
        {
            session.ToTable("DefenseSessions");
            session.WithOwner().HasForeignKey("ScheduleId");
            // A store-generated row key: the domain's ids are set before saving, which EF would read as an existing row.
            session.Property<int>("RowId");
            session.HasKey("RowId");
            session.HasIndex(x => x.Id).IsUnique();
            session.Property(x => x.Place).HasMaxLength(DefenseSchedule.MaxPlaceLength).IsRequired();
            session.PrimitiveCollection(x => x.Panel).HasField("_panel").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(s => s.Sessions).HasField("_sessions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Slots, slot =>
        {
            slot.ToTable("DefenseSlots");
            slot.WithOwner().HasForeignKey("ScheduleId");
            slot.Property<int>("RowId");
            slot.HasKey("RowId");
            slot.Property(x => x.ConclusionText).HasMaxLength(DefenseSlot.MaxConclusionLength);
            slot.Property(x => x.ConcludedByName).HasMaxLength(64);
            slot.HasIndex(x => x.ApplicationId).IsUnique();
        });
        builder.Navigation(s => s.Slots).HasField("_slots").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DefenseScoreConfiguration : IEntityTypeConfiguration<DefenseScore>
{
    public void Configure(EntityTypeBuilder<DefenseScore> builder)
    {
        builder.ToTable("DefenseScores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.ApplicationId, s.ExpertId }).IsUnique();
        builder.HasIndex(s => s.CampaignId);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Expert>().WithMany().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Opinion).HasMaxLength(DefenseScore.MaxOpinionLength).IsRequired();
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
    }
}
