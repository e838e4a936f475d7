using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Security;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.MaxActorLength).IsRequired();
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(64);
        builder.Property(e => e.RemoteAddress).HasMaxLength(AuditEntry.MaxAddressLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.Actor);
    }
}
