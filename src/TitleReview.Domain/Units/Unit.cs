using TitleReview.Domain.Common;

namespace TitleReview.Domain.Units;

/// <summary>申报单位: an employer whose staff apply, with one auditor account.</summary>
public sealed class Unit : Entity
{
    public const int MaxNameLength = 200;

    private Unit()
    {
        Name = string.Empty;
        CreditCode = string.Empty;
        Region = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>申报单位规范名称.</summary>
    public string Name { get; private set; }

    /// <summary>统一社会信用代码 (18 characters).</summary>
    public string CreditCode { get; private set; }

    public UnitNature Nature { get; private set; }

    /// <summary>One of Guizhou's nine cities and prefectures, or 省直.</summary>
    public string Region { get; private set; }

    /// <summary>Keeps the unit's details as its latest approved registration gives them.</summary>
    public void UpdateFrom(UnitRegistrationDetails details)
    {
        Name = details.UnitName.Trim();
        Nature = details.Nature;
        Region = details.Region;
    }

    public static Unit Create(Guid id, string name, string creditCode, UnitNature nature, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(creditCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);

        return new Unit
        {
            Id = id,
            Name = name.Trim(),
            CreditCode = creditCode.Trim().ToUpperInvariant(),
            Nature = nature,
            Region = region.Trim(),
        };
    }
}
