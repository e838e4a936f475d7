using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Application.Notifications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Units;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class UnitRegistrationConfiguration : IEntityTypeConfiguration<UnitRegistration>
{
    public void Configure(EntityTypeBuilder<UnitRegistration> builder)
    {
        builder.ToTable("UnitRegistrations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Number).HasMaxLength(32).IsRequired();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.Property(r => r.UnitName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.CreditCode).HasMaxLength(18).IsRequired();
        builder.Property(r => r.Nature).HasConversion<string>().HasMaxLength(64);
        builder.Property(r => r.Region).HasMaxLength(32).IsRequired();
        builder.Property(r => r.SupervisingDepartment).HasMaxLength(200).IsRequired();
        builder.Property(r => r.AuditorName).HasMaxLength(64).IsRequired();
        builder.Property(r => r.AuditorMobile).HasMaxLength(16).IsRequired();
        builder.Property(r => r.AuditorLandline).HasMaxLength(32);
        builder.Property(r => r.AuditorQq).HasMaxLength(16);
        builder.Property(r => r.AuditorEmail).HasMaxLength(128);
        builder.Property(r => r.FillerName).HasMaxLength(64).IsRequired();
        builder.Property(r => r.FillerPhone).HasMaxLength(32).IsRequired();
        builder.Property(r => r.FillerEmail).HasMaxLength(128);
        builder.Property(r => r.AccessTokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => r.AccessTokenHash).IsUnique();
        builder.Property(r => r.AuditorUserId).HasMaxLength(450);
        builder.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(r => r.Details);
        builder.HasIndex(r => new { r.CampaignId, r.CreditCode });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(2000).IsRequired();
        builder.Property(m => m.Link).HasMaxLength(500);
        builder.HasOne<UnitRegistration>().WithMany().HasForeignKey(m => m.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.RegistrationId);
    }
}

internal sealed class AccountActivationConfiguration : IEntityTypeConfiguration<AccountActivation>
{
    public void Configure(EntityTypeBuilder<AccountActivation> builder)
    {
        builder.ToTable("AccountActivations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.TokenHash).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
