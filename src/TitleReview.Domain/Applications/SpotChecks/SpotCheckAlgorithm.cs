using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TitleReview.Domain.Applications.SpotChecks;

/// <summary>A unit in the frozen candidate list: its registration number (the id the draw scores) and name.</summary>
public sealed record DrawUnit(string Number, string Name);

/// <summary>An applicant in the frozen candidate list, as published: candidate number, masked name, unit number, level.</summary>
public sealed record DrawCandidate(string Number, string MaskedName, string UnitNumber, TitleLevel Level)
{
    public string LevelKey => SpotCheckAlgorithm.LevelKey(Level);
}

/// <summary>What the draw chose: unit numbers, and candidate numbers chosen within those units or across all.</summary>
public sealed record DrawSelection(IReadOnlyList<string> Units, IReadOnlyList<string> PersonsInUnits, IReadOnlyList<string> PersonsAcross)
{
    public IReadOnlyList<string> Persons => [.. PersonsInUnits, .. PersonsAcross];
}

/// <summary>
/// The draw as docs/spot-check-draw.md writes it down: nothing here reads a clock, a random
/// source or the database, so anyone holding the published inputs gets the same selection.
/// Every hash is lowercase hex SHA-256 of UTF-8 text; every ordering is ordinal.
/// </summary>
public static class SpotCheckAlgorithm
{
    public const int SeedBytes = 32;

    public const string UnitStage = "unit";

    public const string PersonStage = "person";

    /// <summary>32 bytes from the operating system's cryptographic generator, as 64 lowercase hex characters.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SeedBytes));

    public static bool IsWellFormedSeed(string? seed) =>
        seed is { Length: SeedBytes * 2 } && seed.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The commitment published before the draw: SHA-256 of the seed's 64 characters.</summary>
    public static string Commitment(string seed) => Sha256Hex(seed);

    /// <summary>The public value as used: trimmed and in Unicode normalisation form C.</summary>
    public static string NormalizePublicValue(string publicValue) => publicValue.Trim().Normalize(NormalizationForm.FormC);

    public static string Score(string seed, string publicValue, string stage, string id) =>
        Sha256Hex(seed + "\n" + publicValue + "\n" + stage + "\n" + id);

    public static string LevelKey(TitleLevel level) => level switch
    {
        TitleLevel.Assistant => "assistant",
        TitleLevel.Intermediate => "intermediate",
        TitleLevel.Senior => "senior",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>
    /// How many of <paramref name="population"/> a quota takes: a count as given, a percentage
    /// rounded up (at least 1 when both are positive); never more than there are.
    /// </summary>
    public static int Quota(DrawAmount amount, int population) => amount.Mode switch
    {
        DrawMode.None => 0,
        DrawMode.Count => Math.Min(amount.Value, population),
        DrawMode.Percent => Math.Min((int)Math.Ceiling(amount.Value * (decimal)population / 100m), population),
        _ => throw new ArgumentOutOfRangeException(nameof(amount)),
    };

    /// <summary>The canonical text of the candidate list whose SHA-256 is published as its digest.</summary>
    public static string CanonicalCandidates(IReadOnlyList<DrawUnit> units, IReadOnlyList<DrawCandidate> candidates)
    {
        var text = new StringBuilder();
        foreach (var unit in units)
        {
            text.Append("unit\t").Append(unit.Number).Append('\t').Append(unit.Name).Append('\n');
        }

        foreach (var candidate in candidates)
        {
            text.Append("person\t").Append(candidate.Number).Append('\t').Append(candidate.UnitNumber).Append('\t')
                .Append(candidate.LevelKey).Append('\t').Append(candidate.MaskedName).Append('\n');
        }

        return text.ToString();
    }

    public static string CandidatesDigest(IReadOnlyList<DrawUnit> units, IReadOnlyList<DrawCandidate> candidates) =>
        Sha256Hex(CanonicalCandidates(units, candidates));

    /// <summary>Units first, then persons within each chosen unit, then persons across the candidates not yet chosen.</summary>
    public static DrawSelection Select(string seed, string publicValue, SpotCheckRules rules, IReadOnlyList<DrawUnit> units, IReadOnlyList<DrawCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var value = NormalizePublicValue(publicValue);
        var chosenUnits = Take(seed, value, UnitStage, units.Select(u => u.Number), Quota(rules.Units, units.Count));

        var inUnits = new List<string>();
        foreach (var unit in chosenUnits)
        {
            var members = candidates.Where(c => c.UnitNumber == unit).Select(c => c.Number).ToList();
            var take = rules.PersonsPerUnit is { } perUnit ? Math.Min(perUnit, members.Count) : members.Count;
            inUnits.AddRange(Take(seed, value, UnitStage + ":" + unit, members, take));
        }

        var taken = inUnits.ToHashSet(StringComparer.Ordinal);
        var remaining = candidates.Where(c => !taken.Contains(c.Number)).ToList();
        var across = new List<string>();
        if (rules.AcrossPerLevel)
        {
            foreach (var level in remaining.Select(c => c.LevelKey).Distinct().Order(StringComparer.Ordinal))
            {
                var scope = remaining.Where(c => c.LevelKey == level).Select(c => c.Number).ToList();
                across.AddRange(Take(seed, value, PersonStage + ":" + level, scope, Quota(rules.Across, scope.Count)));
            }
        }
        else
        {
            across.AddRange(Take(seed, value, PersonStage, remaining.Select(c => c.Number).ToList(), Quota(rules.Across, remaining.Count)));
        }

        return new DrawSelection(chosenUnits, inUnits, across);
    }

    /// <summary>The <paramref name="count"/> ids with the lowest scores, ties by id, in that order.</summary>
    private static List<string> Take(string seed, string publicValue, string stage, IEnumerable<string> ids, int count) =>
        ids.Select(id => (Id: id, Score: Score(seed, publicValue, stage, id)))
            .OrderBy(s => s.Score, StringComparer.Ordinal)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(s => s.Id)
            .ToList();

    /// <summary>Candidate numbers as published: 1, 2, … zero-padded to at least three digits so ordinal order is numeric order.</summary>
    public static string CandidateNumber(int position, int total) =>
        position.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(3, total.ToString(CultureInfo.InvariantCulture).Length), '0');

    /// <summary>李华 → 李*, 欧阳小明 → 欧阳**: the family name stays (two characters for the common compound ones).</summary>
    public static string MaskName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length <= 1)
        {
            return trimmed;
        }

        var keep = trimmed.Length >= 3 && CompoundSurnames.Contains(trimmed[..2]) ? 2 : 1;
        return trimmed[..keep] + new string('*', trimmed.Length - keep);
    }

    private static readonly HashSet<string> CompoundSurnames = new(StringComparer.Ordinal)
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "呼延",
    };
}
