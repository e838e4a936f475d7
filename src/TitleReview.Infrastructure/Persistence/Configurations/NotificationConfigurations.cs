using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Notifications;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class AccountNotificationConfiguration : IEntityTypeConfiguration<AccountNotification>
{
    public void Configure(EntityTypeBuilder<AccountNotification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.AccountId).HasMaxLength(AccountNotification.MaxAccountIdLength).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(AccountNotification.MaxTitleLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(AccountNotification.MaxBodyLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(AccountNotification.MaxLinkLength);
        builder.Ignore(n => n.IsRead);

        // The header's unread count and the person's list, newest first.
        builder.HasIndex(n => new { n.AccountId, n.ReadAt });
        builder.HasIndex(n => new { n.AccountId, n.CreatedAt });
    }
}

internal sealed class ReminderSentConfiguration : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> builder)
    {
        builder.ToTable("RemindersSent");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.AccountId).HasMaxLength(AccountNotification.MaxAccountIdLength).IsRequired();
        builder.Property(r => r.StageKey).HasMaxLength(ReminderSent.MaxStageKeyLength).IsRequired();
        builder.Property(r => r.Lead).HasConversion<string>().HasMaxLength(16);

        // Once per person, campaign, window and lead: a re-run, or a second instance, cannot send it again.
        builder.HasIndex(r => new { r.AccountId, r.CampaignId, r.StageKey, r.Lead }).IsUnique();
        builder.HasIndex(r => r.CampaignId);
    }
}
