using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Security;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHeads");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(AuditEntry.HashLength).IsRequired();
        builder.Property(h => h.ArchivedThroughHash).HasMaxLength(AuditEntry.HashLength).IsRequired();

        // The one head row, from the first migration on: an append locks it, so it must exist.
        builder.HasData(new
        {
            Id = AuditChainHead.SingletonId,
            LastSequence = 0L,
            LastHash = AuditChain.Genesis,
            ArchivedThroughSequence = 0L,
            ArchivedThroughHash = AuditChain.Genesis,
        });
    }
}
