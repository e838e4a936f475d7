using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Workflows;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.DefinitionId).HasMaxLength(64).IsRequired();
        builder.Property(i => i.SubjectType).HasMaxLength(64).IsRequired();
        builder.Property(i => i.SubjectTitle).HasMaxLength(200).IsRequired();
        builder.Property(i => i.OwnerUserId).HasMaxLength(450);
        builder.Property(i => i.Level).HasMaxLength(32);
        builder.Property(i => i.State).HasMaxLength(WorkflowInstance.MaxStateLength).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.SubStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(i => i.IsFinished);
        builder.HasIndex(i => new { i.SubjectType, i.SubjectId }).IsUnique();

        // The monitor's (ADR 0027): counts per state read the first index alone; the first page
        // of a year's list, with or without a state, walks one of the others in its order and
        // stops after one page.
        builder.HasIndex(i => new { i.CampaignId, i.DefinitionId, i.State, i.Status, i.SubStatus });
        builder.HasIndex(i => new { i.CampaignId, i.DefinitionId, i.UpdatedAt, i.Id }).IsDescending(false, false, true, false);
        builder.HasIndex(i => new { i.CampaignId, i.DefinitionId, i.State, i.UpdatedAt, i.Id }).IsDescending(false, false, false, true, false);

        // An auditor's queue (a unit's cases by state) and an applicant's own cases.
        builder.HasIndex(i => new { i.UnitId, i.State });
        builder.HasIndex(i => i.OwnerUserId);
    }
}

internal sealed class WorkflowJournalEntryConfiguration : IEntityTypeConfiguration<WorkflowJournalEntry>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalEntry> builder)
    {
        builder.ToTable("WorkflowJournal");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.FromState).HasMaxLength(WorkflowInstance.MaxStateLength);
        builder.Property(j => j.ToState).HasMaxLength(WorkflowInstance.MaxStateLength).IsRequired();
        builder.Property(j => j.Trigger).HasMaxLength(64).IsRequired();
        builder.Property(j => j.Actor).HasMaxLength(450).IsRequired();
        builder.Property(j => j.ActorName).HasMaxLength(64).IsRequired();
        builder.Property(j => j.Reason).HasMaxLength(WorkflowJournalEntry.MaxReasonLength);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.InstanceId, j.Id });
    }
}

internal sealed class WorkflowBookmarkConfiguration : IEntityTypeConfiguration<WorkflowBookmark>
{
    public void Configure(EntityTypeBuilder<WorkflowBookmark> builder)
    {
        builder.ToTable("WorkflowBookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.State).HasMaxLength(WorkflowInstance.MaxStateLength).IsRequired();
        builder.Property(b => b.Trigger).HasMaxLength(64).IsRequired();
        builder.Property(b => b.DueExpression).HasMaxLength(128).IsRequired();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(b => b.IsPending);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.Status, b.DueAt });
        builder.HasIndex(b => b.InstanceId);
    }
}

internal sealed class WorkflowMarkConfiguration : IEntityTypeConfiguration<WorkflowMark>
{
    public void Configure(EntityTypeBuilder<WorkflowMark> builder)
    {
        builder.ToTable("WorkflowMarks");
        builder.HasKey(m => new { m.InstanceId, m.Name });
        builder.Property(m => m.Name).HasMaxLength(WorkflowMark.MaxNameLength);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(m => m.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowIncidentConfiguration : IEntityTypeConfiguration<WorkflowIncident>
{
    public void Configure(EntityTypeBuilder<WorkflowIncident> builder)
    {
        builder.ToTable("WorkflowIncidents");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Trigger).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Message).HasMaxLength(WorkflowIncident.MaxMessageLength).IsRequired();
        builder.Property(x => x.ResolvedBy).HasMaxLength(64);
        builder.Ignore(x => x.IsResolved);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.InstanceId, x.ResolvedAt });
    }
}

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<Workflow.WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<Workflow.WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitionVersions");
        builder.HasKey(r => new { r.DefinitionId, r.Version });
        builder.Property(r => r.DefinitionId).HasMaxLength(64);
        builder.Property(r => r.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(r => r.FileName).HasMaxLength(200).IsRequired();
    }
}
