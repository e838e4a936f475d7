using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TitleReview.Domain.Campaigns;

namespace TitleReview.Infrastructure.Persistence.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.Year).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Campaign.MaxNameLength).IsRequired();
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.Property(c => c.OfficeDetails).HasConversion(OfficeDetailsJson.Converter, OfficeDetailsJson.Comparer);
        builder.Ignore(c => c.CommitteeTerms);

        // Null until the office changes them: the campaign reads the national defaults.
        builder.Property<CommitteeTerms?>("_committeeTerms")
            .HasColumnName(nameof(Campaign.CommitteeTerms))
            .HasConversion(
                terms => System.Text.Json.JsonSerializer.Serialize(terms!, (System.Text.Json.JsonSerializerOptions?)null),
                json => System.Text.Json.JsonSerializer.Deserialize<CommitteeTerms>(json, (System.Text.Json.JsonSerializerOptions?)null));
        builder.HasMany(c => c.Stages)
            .WithOne()
            .HasForeignKey("CampaignId")
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Stages).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_stages");
        builder.HasMany(c => c.Rules)
            .WithOne()
            .HasForeignKey("CampaignId")
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Rules).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_rules");
    }
}

internal sealed class CampaignStageConfiguration : IEntityTypeConfiguration<CampaignStage>
{
    public void Configure(EntityTypeBuilder<CampaignStage> builder)
    {
        builder.ToTable("CampaignStages");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Key).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Within).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.Ignore(s => s.LastSecond);
        builder.HasIndex("CampaignId", nameof(CampaignStage.Key)).IsUnique();
    }
}

/// <summary>
/// The office's details are one JSON column of the campaign (ADR 0030): a value replaced as a
/// whole, read with the campaign and never queried by its fields. The column holds the draft's
/// fields; reading it builds the value through its rules again.
/// </summary>
internal static class OfficeDetailsJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        IgnoreReadOnlyProperties = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static readonly ValueConverter<OfficeDetails?, string> Converter = new(d => Write(d!), json => Read(json));

    public static readonly ValueComparer<OfficeDetails?> Comparer = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && Write(a) == Write(b)),
        d => d == null ? 0 : Write(d).GetHashCode(StringComparison.Ordinal),
        d => d);

    private static string Write(OfficeDetails details) => System.Text.Json.JsonSerializer.Serialize(details.ToDraft(), Options);

    private static OfficeDetails Read(string json) =>
        OfficeDetails.Create(System.Text.Json.JsonSerializer.Deserialize<OfficeDetailsDraft>(json, Options)!);
}
