using TitleReview.Domain.Common;

namespace TitleReview.Domain.Applications.Integrity;

/// <summary>What brought the case to the office.</summary>
public enum IntegrityCaseSource
{
    /// <summary>抽查复核: an original did not match its scan.</summary>
    SpotCheck = 1,
}

public enum IntegrityCaseStatus
{
    /// <summary>待处理: no decision yet.</summary>
    Open = 1,
}

public static class IntegrityCaseNames
{
    public static string Describe(IntegrityCaseSource source) => source switch
    {
        IntegrityCaseSource.SpotCheck => "抽查复核：原件与扫描件不一致",
        _ => string.Empty,
    };

    public static string Describe(IntegrityCaseStatus status) => status switch
    {
        IntegrityCaseStatus.Open => "待处理",
        _ => string.Empty,
    };
}

/// <summary>One finding of the case: the item and what was found.</summary>
public sealed record IntegrityFinding(string ItemName, string Finding);

/// <summary>
/// An integrity case (诚信案件) against one application: opened with its findings, decided later.
/// While it is open the application cannot go to the committee (the workflow's state says so).
/// </summary>
public sealed class IntegrityCase : Entity
{
    public const int MaxNameLength = 100;

    private readonly List<IntegrityFinding> _findings = [];

    private IntegrityCase()
    {
        OpenedBy = string.Empty;
        OpenedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    public IntegrityCaseSource Source { get; private set; }

    public IReadOnlyList<IntegrityFinding> Findings => _findings;

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; }

    public string OpenedByName { get; private set; }

    public IntegrityCaseStatus Status { get; private set; }

    /// <param name="alreadyOpen">Whether the application has an open case already.</param>
    public static IntegrityCase OpenFromSpotCheck(
        Guid applicationId, Guid campaignId, Guid unitId, IReadOnlyList<IntegrityFinding> findings, bool alreadyOpen, DateTimeOffset now, string by, string byName)
    {
        CheckRule(new OneOpenIntegrityCasePerApplicationRule(alreadyOpen));
        CheckRule(new IntegrityCaseHasFindingsRule(findings));
        var opened = new IntegrityCase
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            CampaignId = campaignId,
            UnitId = unitId,
            Source = IntegrityCaseSource.SpotCheck,
            OpenedAt = now,
            OpenedBy = by,
            OpenedByName = byName,
            Status = IntegrityCaseStatus.Open,
        };
        opened._findings.AddRange(findings);
        return opened;
    }
}

/// <summary>An application has at most one open case: later findings belong to it, not to a second one.</summary>
public sealed class OneOpenIntegrityCasePerApplicationRule(bool alreadyOpen) : IBusinessRule
{
    public bool IsBroken() => alreadyOpen;

    public string Message => "该申报人已有待处理的诚信案件，不能重复立案。";
}

/// <summary>A case is opened on what was found, never empty.</summary>
public sealed class IntegrityCaseHasFindingsRule(IReadOnlyList<IntegrityFinding> findings) : IBusinessRule
{
    public bool IsBroken() => findings.Count == 0 || findings.Any(f => string.IsNullOrWhiteSpace(f.Finding));

    public string Message => "诚信案件须记明所发现的问题。";
}
