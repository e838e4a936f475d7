using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Messaging;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.ToTable("OutboundMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Recipient).HasMaxLength(OutboundMessage.MaxRecipientLength).IsRequired();
        builder.Property(m => m.RecipientName).HasMaxLength(64);
        builder.Property(m => m.Subject).HasMaxLength(OutboundMessage.MaxSubjectLength).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(OutboundMessage.MaxBodyLength).IsRequired();
        builder.Property(m => m.Purpose).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Transport).HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(OutboundMessage.MaxErrorLength);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CreatedAt);
    }
}
