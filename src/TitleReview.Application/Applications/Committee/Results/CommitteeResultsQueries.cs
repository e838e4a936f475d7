using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Publicity;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Applications.Publicities;
using TitleReview.Domain.Calendars;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee.Results;

/// <summary>The office's results page (评审结果): the results per level, the publish form, the publicity, the units' report-back.</summary>
public sealed record GetCommitteeResults(int? Year, WorkflowActor Actor);

/// <param name="TallyText">The locked tally; null where the reader sees the result only (the unit).</param>
public sealed record CommitteeResultRow(Guid ApplicationId, string ApplicantName, string UnitName, TitleLevel Level, bool Passed, string? TallyText)
{
    public string LevelName => TitleLevels.DisplayName(Level);

    public string Result => Passed ? "通过" : "未通过";
}

public sealed record CommitteeResultsLevel(TitleLevel Level, IReadOnlyList<CommitteeResultRow> Rows)
{
    public string LevelName => TitleLevels.DisplayName(Level);

    public int Passed => Rows.Count(r => r.Passed);

    public int Failed => Rows.Count(r => !r.Passed);
}

/// <param name="MinimumWorkingDays">The campaign's committee terms: the publicity lasts at least this long.</param>
/// <param name="RefusedBecause">Why publishing would be refused now; null when it may be published.</param>
public sealed record CommitteeResultsForm(string DefaultTitle, DateOnly? DefaultFirstDay, int MinimumWorkingDays, string? RefusedBecause);

public sealed record PublishedResults(Guid Id, string Title, string PeriodText, PublicityStatus Status, DateTimeOffset PublishedAt, string PublishedByName);

public enum ResultsReportStatus
{
    Awaited,
    Reported,
    Missing,
}

public sealed record ReportedObjection(Guid ApplicationId, string ApplicantName, string Text);

/// <summary>One unit's report-back as the office (and the unit) read it.</summary>
public sealed record UnitReportRow(
    Guid UnitId,
    string UnitName,
    ResultsReportStatus Status,
    string StatusName,
    DateOnly? PublicisedFrom,
    DateOnly? PublicisedTo,
    string? Place,
    IReadOnlyList<ReportedObjection> Objections,
    DateTimeOffset? SubmittedAt,
    string? SubmittedByName);

/// <param name="Levels">The committee's locked results per level (highest first).</param>
/// <param name="PublishedLines">The publicity's lines as the public reads them.</param>
/// <param name="Reports">Every unit with candidates in the results, once they are published.</param>
public sealed record CommitteeResultsView(
    int Year,
    IReadOnlyList<int> Years,
    string WindowText,
    bool WindowOpen,
    IReadOnlyList<CommitteeResultsLevel> Levels,
    CommitteeResultsForm Form,
    PublishedResults? Published,
    IReadOnlyList<PublicityLine> PublishedLines,
    IReadOnlyList<UnitReportRow> Reports)
{
    public int Reported => Reports.Count(r => r.Status == ResultsReportStatus.Reported);

    public int Awaited => Reports.Count(r => r.Status == ResultsReportStatus.Awaited);

    public int Missing => Reports.Count(r => r.Status == ResultsReportStatus.Missing);
}

/// <summary>The auditor's page (评审结果反馈): the unit's own candidates and results, and its report-back.</summary>
public sealed record GetUnitResults(int? Year, WorkflowActor Actor);

/// <param name="Published">Null until the results publicity has started: before that the unit sees nothing of the results.</param>
/// <param name="Report">The unit's report-back; null when it has no candidate in the results.</param>
/// <param name="WhyNot">Why the unit cannot report (or amend) now; null when it can.</param>
public sealed record UnitResultsView(
    int Year,
    IReadOnlyList<int> Years,
    string? UnitName,
    string WindowText,
    PublishedResults? Published,
    IReadOnlyList<CommitteeResultRow> Rows,
    UnitReportRow? Report,
    string? WhyNot)
{
    public bool MayReport => WhyNot is null;
}

internal static class ResultsReports
{
    /// <summary>The campaign's report-backs (or one unit's) with where each stands. One query.</summary>
    public static async Task<IReadOnlyList<UnitReportRow>> OfCampaignAsync(
        IApplicationDbContext db, IWorkflowDefinitions definitions, Guid campaignId, Guid? unitId, IReadOnlyDictionary<Guid, string> names, CancellationToken cancellationToken)
    {
        var rows = await (
                from report in db.UnitResultsReports.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on report.Id equals instance.SubjectId
                where instance.SubjectType == CommitteeResultLines.ReportSubjectType && report.CampaignId == campaignId && (unitId == null || report.UnitId == unitId)
                select new { Report = report, instance.DefinitionId, instance.DefinitionVersion, instance.State })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r =>
            {
                bool Means(string capability) => definitions.Has(r.DefinitionId, r.DefinitionVersion, r.State, capability);
                var status = Means(StateCapabilities.ResultsReported) ? ResultsReportStatus.Reported
                    : Means(StateCapabilities.ResultsReportMissing) ? ResultsReportStatus.Missing
                    : ResultsReportStatus.Awaited;
                var report = r.Report;
                return new UnitReportRow(
                    report.UnitId,
                    report.UnitName,
                    status,
                    definitions.Get(r.DefinitionId, r.DefinitionVersion).StateDisplayName(r.State),
                    report.PublicisedFrom,
                    report.PublicisedTo,
                    report.Place,
                    [.. report.Objections.Select(o => new ReportedObjection(o.ApplicationId, names.GetValueOrDefault(o.ApplicationId, string.Empty), o.Text))],
                    report.SubmittedAt,
                    report.SubmittedByName);
            })
            .OrderByDescending(r => r.Status == ResultsReportStatus.Missing)
            .ThenBy(r => r.Status == ResultsReportStatus.Reported)
            .ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .ToList();
    }

    public static PublishedResults Describe(PublicPublicity p, DateTimeOffset now) =>
        new(p.Id, p.Title, p.PeriodText, PreliminaryCases.StatusAt(p, now), p.PublishedAt, p.PublishedByName);

    public static string WindowText(Campaign campaign)
    {
        var stage = campaign.Stage(StageKeys.Results);
        return $"{BeijingTime.DateOf(stage.OpensAt):yyyy年M月d日}至{BeijingTime.DateOf(stage.ClosesAt.AddTicks(-1)):M月d日}";
    }
}

internal sealed class GetCommitteeResultsHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    ICommitteeResults results,
    IUnitDirectory units,
    ICurrentCampaign current,
    WorkingDayCalendar calendar,
    TimeProvider clock) : IHandler<GetCommitteeResults, CommitteeResultsView>
{
    public async Task<CommitteeResultsView> HandleAsync(GetCommitteeResults request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var now = clock.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        var years = await current.YearsAsync(cancellationToken);
        var campaign = request.Year is { } y ? await current.OfYearAsync(y, cancellationToken) : await current.ForStageAsync(StageKeys.Results, cancellationToken);
        var year = campaign?.Year ?? request.Year ?? today.Year;
        if (campaign is null)
        {
            var none = new CommitteeResultsForm(PublishCommitteeResults.DefaultTitle(year), null, PublicPublicity.DefaultWorkingDays, $"{year} 年度尚无评审。");
            return new CommitteeResultsView(year, years, string.Empty, false, [], none, null, [], []);
        }

        var lines = await CommitteeResultLines.OfCampaignAsync(db, definitions, results, units, campaign.Id, cancellationToken);
        var existing = await CommitteeResultLines.PublicityAsync(db, campaign.Id, cancellationToken);
        var pending = existing is null ? await CommitteeResultLines.PendingAsync(db, definitions, campaign.Id, cancellationToken) : [];
        var refused = PublishCommitteeResultsHandler.Rules(campaign, existing, pending, lines.Count, now).FirstOrDefault(r => r.IsBroken())?.Message;
        var form = new CommitteeResultsForm(
            PublishCommitteeResults.DefaultTitle(year),
            calendar.HasYear(today.Year) && calendar.IsWorkingDay(today) ? today : null,
            campaign.CommitteeTerms.ResultsPublicityWorkingDays,
            refused);
        var levels = Enum.GetValues<TitleLevel>()
            .OrderDescending()
            .Select(l => new CommitteeResultsLevel(l, [.. lines.Where(r => r.Level == l).Select(r => new CommitteeResultRow(r.ApplicationId, r.ApplicantName, r.UnitName, r.Level, r.Passed, r.TallyText))]))
            .Where(l => l.Rows.Count > 0)
            .ToList();
        var names = lines.ToDictionary(l => l.ApplicationId, l => l.ApplicantName);
        var reports = existing is null ? [] : await ResultsReports.OfCampaignAsync(db, definitions, campaign.Id, null, names, cancellationToken);
        return new CommitteeResultsView(
            year,
            years,
            ResultsReports.WindowText(campaign),
            CampaignWindow.Of(campaign, StageKeys.Results, now).IsOpen,
            levels,
            form,
            existing is null ? null : ResultsReports.Describe(existing, now),
            existing is null ? [] : CommitteeResultLines.Public(lines),
            reports);
    }
}

internal sealed class GetUnitResultsHandler(
    IApplicationDbContext db,
    IWorkflowDefinitions definitions,
    ICommitteeResults results,
    IUnitDirectory units,
    ICurrentCampaign current,
    TimeProvider clock) : IHandler<GetUnitResults, UnitResultsView>
{
    public async Task<UnitResultsView> HandleAsync(GetUnitResults request, CancellationToken cancellationToken = default)
    {
        var unitId = CommitteeResultLines.RequireAuditor(request.Actor);
        var now = clock.GetUtcNow();
        var years = await current.YearsAsync(cancellationToken);
        var campaign = request.Year is { } y ? await current.OfYearAsync(y, cancellationToken) : await current.ForStageAsync(StageKeys.Results, cancellationToken);
        var unit = await units.FindAsync(unitId, cancellationToken);
        var year = campaign?.Year ?? request.Year ?? BeijingTime.DateOf(now).Year;
        var publicity = campaign is null ? null : await CommitteeResultLines.PublicityAsync(db, campaign.Id, cancellationToken);

        // Before the results are public the unit learns nothing of them.
        if (campaign is null || publicity is null || now < publicity.StartsAt)
        {
            return new UnitResultsView(year, years, unit?.Name, campaign is null ? string.Empty : ResultsReports.WindowText(campaign), null, [], null, "评审结果尚未公布，公布后才能反馈本单位的公示情况。");
        }

        var lines = (await CommitteeResultLines.OfCampaignAsync(db, definitions, results, units, campaign.Id, cancellationToken)).Where(l => l.UnitId == unitId).ToList();
        var names = lines.ToDictionary(l => l.ApplicationId, l => l.ApplicantName);
        var report = (await ResultsReports.OfCampaignAsync(db, definitions, campaign.Id, unitId, names, cancellationToken)).FirstOrDefault();
        var stage = campaign.Stage(StageKeys.Results);
        var whyNot = report is null ? "本单位没有参评人员，无需反馈。"
            : report.Status == ResultsReportStatus.Missing ? $"反馈期已截止，本单位{report.StatusName}。"
            : new ResultsReportWithinTheResultsStageRule(stage.OpensAt, stage.ClosesAt, now) is { } rule && rule.IsBroken() ? rule.Message
            : null;
        return new UnitResultsView(
            year,
            years,
            unit?.Name,
            ResultsReports.WindowText(campaign),
            ResultsReports.Describe(publicity, now),
            [.. lines.Select(l => new CommitteeResultRow(l.ApplicationId, l.ApplicantName, l.UnitName, l.Level, l.Passed, null))],
            report,
            whyNot);
    }
}
