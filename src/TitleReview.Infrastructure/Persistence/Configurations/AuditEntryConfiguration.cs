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
        builder.Property(e => e.ActorName).HasMaxLength(AuditEntry.MaxNameLength);
        builder.Property(e => e.Role).HasMaxLength(AuditEntry.MaxNameLength);
        builder.Property(e => e.Unit).HasMaxLength(AuditEntry.MaxNameLength * 2);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(64);
        builder.Property(e => e.Operation).HasMaxLength(AuditEntry.MaxOperationLength).IsRequired();
        builder.Property(e => e.OperationName).HasMaxLength(AuditEntry.MaxNameLength).IsRequired();
        builder.Property(e => e.SubjectKind).HasMaxLength(AuditEntry.MaxNameLength);
        builder.Property(e => e.SubjectId).HasMaxLength(AuditEntry.MaxSubjectIdLength);
        builder.Property(e => e.SubjectPerson).HasMaxLength(AuditEntry.MaxNameLength);
        builder.Property(e => e.Outcome).HasMaxLength(AuditEntry.MaxOutcomeLength).IsRequired();
        builder.Property(e => e.RemoteAddress).HasMaxLength(AuditEntry.MaxAddressLength);
        builder.Property(e => e.UserAgent).HasMaxLength(AuditEntry.MaxUserAgentLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsRequired();
        builder.Property(e => e.ContentHash).HasMaxLength(AuditEntry.HashLength).IsRequired();
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.Actor);
        builder.HasIndex(e => e.SubjectPerson);
    }
}
