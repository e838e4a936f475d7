namespace TitleReview.Application.Units;

public sealed record UnitSummary(Guid Id, string Name, string Region);

/// <summary>What pages and other modules may ask about units, without reading the Units tables themselves.</summary>
public interface IUnitDirectory
{
    /// <summary>The unit, or null when no unit has this id.</summary>
    Task<UnitSummary?> FindAsync(Guid unitId, CancellationToken cancellationToken = default);

    /// <summary>Every unit, by name.</summary>
    Task<IReadOnlyList<UnitSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}
