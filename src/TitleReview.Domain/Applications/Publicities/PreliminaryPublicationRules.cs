using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Publicities;

/// <summary>A unit and how many of its checked-in dossiers still wait for the preliminary decision.</summary>
public sealed record UndecidedAtUnit(string UnitName, int Count);

/// <summary>
/// The preliminary results are published for the whole campaign at once: a dossier still
/// undecided would be missing from the publicity, and nothing could add it later.
/// </summary>
public sealed class PreliminaryResultsAllDecidedRule(IReadOnlyList<UndecidedAtUnit> undecided) : IBusinessRule
{
    public bool IsBroken() => undecided.Count > 0;

    public string Message =>
        $"尚有 {undecided.Sum(u => u.Count)} 份已接收纸质材料的申报未作出初审结论（{string.Join("、", undecided.Select(u => $"{u.UnitName} {u.Count} 份"))}），全部作出结论后才能公示初审结果。";
}

/// <summary>A publicity lists decisions; with none there is nothing to publish.</summary>
public sealed class PreliminaryResultsHaveADecisionRule(int decided) : IBusinessRule
{
    public bool IsBroken() => decided == 0;

    public string Message => "尚无作出初审结论的申报，没有可以公示的初审结果。";
}

/// <summary>A campaign's preliminary results are published once: the period the public saw is not restarted.</summary>
public sealed class OnePreliminaryPublicityPerCampaignRule(PublicPublicity? existing) : IBusinessRule
{
    public bool IsBroken() => existing is not null;

    public string Message => existing is null ? string.Empty : $"本年度初审结果已经公示（{existing.Title}，{existing.PeriodText}），不能重复公示。";
}
