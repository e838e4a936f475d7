namespace TitleReview.Domain.Campaigns;

/// <summary>
/// The stages a campaign has, in calendar order: the latest campaign definition's when a
/// campaign is created, and from then on the campaign's own (<see cref="Campaign.Catalogue"/>).
/// </summary>
public sealed class StageCatalogue
{
    private readonly IReadOnlyList<StageDefinition> _stages;

    public StageCatalogue(IEnumerable<StageDefinition> stages)
    {
        _stages = stages.ToList();
    }

    public static StageCatalogue Empty { get; } = new([]);

    public IReadOnlyList<StageDefinition> Stages => _stages;

    public int Count => _stages.Count;

    public bool Contains(string? key) => key is not null && _stages.Any(s => s.Key == key);

    public StageDefinition? Find(string? key) => _stages.FirstOrDefault(s => s.Key == key);

    /// <summary>The stage's name, or its key when the catalogue does not know it.</summary>
    public string NameOf(string key) => Find(key)?.Name ?? key;

    /// <summary>1 for the first stage; <see cref="int.MaxValue"/> for a stage not in the catalogue.</summary>
    public int OrderOf(string key)
    {
        for (var i = 0; i < _stages.Count; i++)
        {
            if (_stages[i].Key == key)
            {
                return i + 1;
            }
        }

        return int.MaxValue;
    }
}
