using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> builder)
    {
        builder.ToTable("Experts");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(e => e.UserId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(Expert.MaxNameLength).IsRequired();
        builder.Property(e => e.Organisation).HasMaxLength(Expert.MaxOrganisationLength).IsRequired();
        builder.Property(e => e.ProfessionalTitle).HasMaxLength(Expert.MaxTitleLength).IsRequired();
        builder.Property(e => e.Field).HasMaxLength(Expert.MaxFieldLength).IsRequired();
        builder.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
    }
}

internal sealed class ReviewCommitteeConfiguration : IEntityTypeConfiguration<ReviewCommittee>
{
    public void Configure(EntityTypeBuilder<ReviewCommittee> builder)
    {
        builder.ToTable("ReviewCommittees");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.CampaignId).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Name).HasMaxLength(ReviewCommittee.MaxNameLength).IsRequired();
        builder.Property(c => c.FormedBy).HasMaxLength(450).IsRequired();
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(c => c.Chair);

        // The seats are replaced as a whole: one JSON column.
        builder.OwnsMany(c => c.Members, member =>
        {
            member.ToJson();
            member.Property(m => m.Role).HasConversion<string>();
            member.Property(m => m.LevelGroup).HasConversion<string>();
        });
        builder.Navigation(c => c.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ExpertDeclarationConfiguration : IEntityTypeConfiguration<ExpertDeclaration>
{
    public void Configure(EntityTypeBuilder<ExpertDeclaration> builder)
    {
        builder.ToTable("ExpertDeclarations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.ExpertId, d.CampaignId }).IsUnique();
        builder.HasIndex(d => d.CampaignId);
        builder.HasOne<Expert>().WithMany().HasForeignKey(d => d.ExpertId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.ConcurrencyToken).IsConcurrencyToken();
        builder.OwnsMany(d => d.Conflicts, conflict =>
        {
            conflict.ToJson();
            conflict.Property(c => c.Kind).HasConversion<string>();
        });
        builder.Navigation(d => d.Conflicts).HasField("_conflicts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
