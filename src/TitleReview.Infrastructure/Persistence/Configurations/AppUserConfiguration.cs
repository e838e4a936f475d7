using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Units;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.MaxDisplayNameLength).IsRequired();
        builder.Property(u => u.IdNumber).HasMaxLength(AppUser.MaxIdNumberLength);

        // Unique where set: SQLite treats NULLs as distinct, and on SQL Server EF Core filters a
        // unique index on a nullable column by "IS NOT NULL", so accounts without one never clash.
        builder.HasIndex(u => u.IdNumber).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
