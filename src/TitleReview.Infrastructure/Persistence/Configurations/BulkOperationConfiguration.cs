using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Bulk;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class BulkOperationConfiguration : IEntityTypeConfiguration<BulkOperation>
{
    public void Configure(EntityTypeBuilder<BulkOperation> builder)
    {
        builder.ToTable("BulkOperations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.DefinitionId).HasMaxLength(64).IsRequired();
        builder.Property(o => o.Trigger).HasMaxLength(64).IsRequired();
        builder.Property(o => o.TriggerName).HasMaxLength(64).IsRequired();
        builder.Property(o => o.Reason).HasMaxLength(WorkflowJournalEntry.MaxReasonLength);
        builder.Property(o => o.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(o => o.ActorName).HasMaxLength(64).IsRequired();
        builder.Property(o => o.ActorRoles).HasMaxLength(200).IsRequired();
        builder.Property(o => o.Selection).HasMaxLength(BulkOperation.MaxSelectionLength).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(o => o.Actor);
        builder.Ignore(o => o.IsCompleted);
        builder.HasMany(o => o.Items).WithOne().HasForeignKey(i => i.OperationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(o => o.CreatedAt);
    }
}

internal sealed class BulkOperationItemConfiguration : IEntityTypeConfiguration<BulkOperationItem>
{
    public void Configure(EntityTypeBuilder<BulkOperationItem> builder)
    {
        builder.ToTable("BulkOperationItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.SubjectTitle).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Message).HasMaxLength(BulkOperationItem.MaxMessageLength);

        // Two runs of one batch cannot both give an item its outcome: the second save finds it
        // no longer pending and fails, and with it the second fire.
        builder.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Ignore(i => i.IsProcessed);
        builder.HasIndex(i => new { i.OperationId, i.Sequence }).IsUnique();
        builder.HasIndex(i => new { i.OperationId, i.Outcome });
    }
}
