using TitleReview.Domain.Common;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Applications.Committee.Results;

/// <summary>An objection the unit received during its internal publicity, about one of its candidates.</summary>
public sealed record ResultsObjection(Guid ApplicationId, string Text);

/// <summary>What the unit's auditor reports: the internal publicity's dates, where and how, and the objections (none: empty).</summary>
public sealed record ResultsReportContent(DateOnly PublicisedFrom, DateOnly PublicisedTo, string Place, IReadOnlyList<ResultsObjection> Objections);

/// <summary>
/// What a report is checked against: the campaign's year, the first day of the office's results
/// publicity, the unit's candidates in the results, the results stage (<c>[OpensAt, ClosesAt)</c>)
/// and now.
/// </summary>
public sealed record ResultsReportContext(
    int Year,
    DateOnly ResultsFirstDay,
    IReadOnlyCollection<Guid> Candidates,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset Now);

/// <summary>
/// 评审结果公示反馈: one unit's report-back on the committee's results in one campaign. It starts
/// when the office publishes the results; the unit's auditor reports that the unit publicised them
/// internally (from–to, where and how) and the objections received, and may amend the report until
/// the results stage closes: an objection can still arrive after a first report. Where the report
/// stands (awaited, reported, missing) is its workflow instance's state.
/// </summary>
public sealed class UnitResultsReport : Entity
{
    public const int MaxPlaceLength = 200;
    public const int MaxObjectionLength = 500;

    private readonly List<ResultsObjection> _objections = [];

    private UnitResultsReport()
    {
        UnitName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The unit's name when the results were published.</summary>
    public string UnitName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateOnly? PublicisedFrom { get; private set; }

    public DateOnly? PublicisedTo { get; private set; }

    /// <summary>Where and how the unit publicised the results (公示地点及方式).</summary>
    public string? Place { get; private set; }

    public IReadOnlyList<ResultsObjection> Objections => _objections;

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public string? SubmittedByName { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public bool IsSubmitted => SubmittedAt is not null;

    public static UnitResultsReport Start(Guid campaignId, Guid unitId, string unitName, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CampaignId = campaignId,
        UnitId = unitId,
        UnitName = unitName.Trim(),
        CreatedAt = now,
        ConcurrencyToken = Guid.NewGuid(),
    };

    /// <summary>Reports (or amends the report) for the unit, as its own auditor.</summary>
    public void Submit(Guid? auditorUnitId, ResultsReportContent content, ResultsReportContext context, string by, string byName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var rule in Rules(UnitId, auditorUnitId, content, context))
        {
            CheckRule(rule);
        }

        PublicisedFrom = content.PublicisedFrom;
        PublicisedTo = content.PublicisedTo;
        Place = content.Place.Trim();
        _objections.Clear();
        _objections.AddRange(content.Objections.Select(o => o with { Text = o.Text.Trim() }));
        SubmittedAt = context.Now;
        SubmittedBy = by;
        SubmittedByName = byName;
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>Every rule a report must keep, in the order the auditor reads the form.</summary>
    public static IReadOnlyList<IBusinessRule> Rules(Guid reportUnitId, Guid? auditorUnitId, ResultsReportContent content, ResultsReportContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            new ResultsReportOnlyByTheUnitsOwnAuditorRule(reportUnitId, auditorUnitId),
            new ResultsReportWithinTheResultsStageRule(context.OpensAt, context.ClosesAt, context.Now),
            new InternalPublicityDatesInTheCampaignYearRule(content.PublicisedFrom, content.PublicisedTo, context.Year),
            new InternalPublicityEndsNotBeforeItStartsRule(content.PublicisedFrom, content.PublicisedTo),
            new InternalPublicityNotBeforeTheResultsRule(content.PublicisedFrom, context.ResultsFirstDay),
            new InternalPublicityEndedByTheReportRule(content.PublicisedTo, BeijingTime.DateOf(context.Now)),
            new InternalPublicityPlaceIsGivenRule(content.Place),
            new ObjectionsNameTheUnitsOwnCandidatesRule(content.Objections, context.Candidates),
            new ObjectionIsDescribedOnceRule(content.Objections),
        ];
    }

    /// <summary>The report in words, as the journal and the office read it.</summary>
    public static string Describe(ResultsReportContent content, IReadOnlyDictionary<Guid, string> names)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(names);
        var publicised = $"已于{content.PublicisedFrom:yyyy年M月d日}至{content.PublicisedTo:M月d日}在{content.Place.Trim()}公示评审结果";
        return content.Objections.Count == 0
            ? $"{publicised}，未收到异议。"
            : $"{publicised}，收到异议：{string.Join("；", content.Objections.Select(o => $"{names.GetValueOrDefault(o.ApplicationId, "未知人员")}：{o.Text.Trim()}"))}。";
    }
}

/// <summary>A unit reports for its own candidates: another unit's auditor cannot report or amend it.</summary>
public sealed class ResultsReportOnlyByTheUnitsOwnAuditorRule(Guid reportUnitId, Guid? auditorUnitId) : IBusinessRule
{
    public bool IsBroken() => auditorUnitId != reportUnitId;

    public string Message => "只有本单位的审核人可以反馈本单位的评审结果公示情况。";
}

/// <summary>The report is made, and may be amended, while the results stage runs; its close is the deadline.</summary>
public sealed class ResultsReportWithinTheResultsStageRule(DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => now < opensAt || now >= closesAt;

    public string Message => now < opensAt
        ? $"评审结果公示反馈从 {BeijingTime.DateOf(opensAt):yyyy年M月d日} 开始。"
        : $"评审结果公示反馈已于 {BeijingTime.DateOf(closesAt.AddTicks(-1)):yyyy年M月d日} 截止，不能再提交或修改。";
}

/// <summary>The unit publicises the results of the campaign's year: a date in another year is a typing error.</summary>
public sealed class InternalPublicityDatesInTheCampaignYearRule(DateOnly from, DateOnly to, int year) : IBusinessRule
{
    public bool IsBroken() => from.Year != year || to.Year != year;

    public string Message => $"单位内部公示的日期须在 {year} 年内。";
}

public sealed class InternalPublicityEndsNotBeforeItStartsRule(DateOnly from, DateOnly to) : IBusinessRule
{
    public bool IsBroken() => to < from;

    public string Message => "单位内部公示的结束日期不能早于开始日期。";
}

/// <summary>A unit can only publicise results the office has published.</summary>
public sealed class InternalPublicityNotBeforeTheResultsRule(DateOnly from, DateOnly resultsFirstDay) : IBusinessRule
{
    public bool IsBroken() => from < resultsFirstDay;

    public string Message => $"单位内部公示不能早于评审结果公布之日（{resultsFirstDay:yyyy年M月d日}）。";
}

/// <summary>The report tells how the internal publicity went, so it has ended by the day of the report.</summary>
public sealed class InternalPublicityEndedByTheReportRule(DateOnly to, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => to > today;

    public string Message => $"单位内部公示结束后才能反馈：结束日期不能晚于今天（{today:yyyy年M月d日}）。";
}

public sealed class InternalPublicityPlaceIsGivenRule(string? place) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(place) || place.Trim().Length > UnitResultsReport.MaxPlaceLength;

    public string Message => string.IsNullOrWhiteSpace(place)
        ? "请填写公示地点及方式（如本单位公示栏、内网）。"
        : $"公示地点及方式不能超过 {UnitResultsReport.MaxPlaceLength} 个字。";
}

/// <summary>A unit reports objections about its own candidates in the results, and no one else's.</summary>
public sealed class ObjectionsNameTheUnitsOwnCandidatesRule(IReadOnlyList<ResultsObjection> objections, IReadOnlyCollection<Guid> candidates) : IBusinessRule
{
    public bool IsBroken() => objections.Any(o => !candidates.Contains(o.ApplicationId));

    public string Message => "只能反馈本单位参评人员的异议。";
}

/// <summary>Each objection says what it was, within the length, once per candidate.</summary>
public sealed class ObjectionIsDescribedOnceRule(IReadOnlyList<ResultsObjection> objections) : IBusinessRule
{
    public bool IsBroken() =>
        objections.Any(o => string.IsNullOrWhiteSpace(o.Text) || o.Text.Trim().Length > UnitResultsReport.MaxObjectionLength)
        || objections.Select(o => o.ApplicationId).Distinct().Count() != objections.Count;

    public string Message => $"每名参评人员的异议填写一次，内容不能为空，不超过 {UnitResultsReport.MaxObjectionLength} 个字。";
}
