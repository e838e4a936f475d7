using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Integrity;
using TitleReview.Domain.Units;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class IntegrityRecordEntryConfiguration : IEntityTypeConfiguration<IntegrityRecordEntry>
{
    public void Configure(EntityTypeBuilder<IntegrityRecordEntry> builder)
    {
        builder.ToTable("IntegrityRecordEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.IdNumber).HasMaxLength(18).IsRequired();
        builder.Property(e => e.PersonName).HasMaxLength(IntegrityRecordEntry.MaxNameLength).IsRequired();
        builder.Property(e => e.UnitName).HasMaxLength(IntegrityRecordEntry.MaxUnitNameLength).IsRequired();
        builder.Property(e => e.Finding).HasMaxLength(IntegrityRecordEntry.MaxFindingLength).IsRequired();
        builder.Property(e => e.RecordedBy).HasMaxLength(450).IsRequired();
        builder.Property(e => e.RecordedByName).HasMaxLength(IntegrityRecordEntry.MaxByNameLength).IsRequired();

        // Registration and starting ask by ID number; the marks ask for the bans in force.
        builder.HasIndex(e => new { e.IdNumber, e.BannedUntil });
        builder.HasIndex(e => e.PersonName);
        builder.HasIndex(e => e.CaseId);
    }
}

internal sealed class NegativeListEntryConfiguration : IEntityTypeConfiguration<NegativeListEntry>
{
    public void Configure(EntityTypeBuilder<NegativeListEntry> builder)
    {
        builder.ToTable("NegativeListEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.UnitName).HasMaxLength(NegativeListEntry.MaxUnitNameLength).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(NegativeListEntry.MaxReasonLength).IsRequired();
        builder.Property(e => e.CorrectiveAction).HasMaxLength(NegativeListEntry.MaxActionLength).IsRequired();
        builder.Property(e => e.EndNote).HasMaxLength(NegativeListEntry.MaxNoteLength);
        builder.Property(e => e.EndedByName).HasMaxLength(NegativeListEntry.MaxByNameLength);
        builder.Property(e => e.ListedBy).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ListedByName).HasMaxLength(NegativeListEntry.MaxByNameLength).IsRequired();
        builder.Ignore(e => e.IsPublished);
        builder.HasIndex(e => new { e.UnitId, e.LastDay });
        builder.HasIndex(e => e.PublishedUntil);
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
