using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Units;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("Units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Name).HasMaxLength(Unit.MaxNameLength).IsRequired();
        builder.Property(u => u.CreditCode).HasMaxLength(18).IsRequired();
        builder.Property(u => u.Nature).HasConversion<string>().HasMaxLength(64);
        builder.Property(u => u.Region).HasMaxLength(32).IsRequired();
        builder.HasIndex(u => u.CreditCode).IsUnique();
    }
}
