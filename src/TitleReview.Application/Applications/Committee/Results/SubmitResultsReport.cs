using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Committee.Results;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Applications.Committee.Results;

/// <summary>One candidate's objection as the form sends it; a blank text means none for them.</summary>
public sealed record ObjectionInput(Guid? ApplicationId, string? Text);

/// <summary>
/// The unit's auditor reports that the unit publicised the committee's results internally
/// (提交反馈), with the objections received; sent again it amends the report, until the results
/// stage closes.
/// </summary>
public sealed record SubmitResultsReport(int Year, DateOnly? PublicisedFrom, DateOnly? PublicisedTo, string? Place, IReadOnlyList<ObjectionInput>? Objections, WorkflowActor Actor);

internal sealed class SubmitResultsReportHandler(
    IApplicationDbContext db,
    IWorkflowEngine engine,
    IWorkflowDefinitions definitions,
    ICommitteeResults results,
    IUnitDirectory units,
    TimeProvider clock) : IHandler<SubmitResultsReport, Guid>
{
    public async Task<Guid> HandleAsync(SubmitResultsReport request, CancellationToken cancellationToken = default)
    {
        var unitId = CommitteeResultLines.RequireAuditor(request.Actor);
        var objections = (request.Objections ?? [])
            .Where(o => !string.IsNullOrWhiteSpace(o.Text))
            .Select(o => new ResultsObjection(o.ApplicationId ?? Guid.Empty, o.Text!.Trim()))
            .ToList();
        new Validation()
            .Require(request.PublicisedFrom is not null, "publicisedFrom", "请填写单位内部公示的开始日期。")
            .Require(request.PublicisedTo is not null, "publicisedTo", "请填写单位内部公示的结束日期。")
            .Require(!string.IsNullOrWhiteSpace(request.Place), "place", "请填写公示地点及方式（如本单位公示栏、内网）。")
            .ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages).FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度的评审");
        var publicity = await CommitteeResultLines.PublicityAsync(db, campaign.Id, cancellationToken);
        if (publicity is null || now < publicity.StartsAt)
        {
            throw new DomainException("评审结果尚未公布，公布后才能反馈本单位的公示情况。");
        }

        var report = await db.UnitResultsReports.FirstOrDefaultAsync(r => r.CampaignId == campaign.Id && r.UnitId == unitId, cancellationToken)
            ?? throw new DomainException("本单位没有参评人员，无需反馈评审结果公示情况。");
        var instance = await db.WorkflowInstances.SingleAsync(i => i.SubjectType == CommitteeResultLines.ReportSubjectType && i.SubjectId == report.Id, cancellationToken);
        var candidates = (await CommitteeResultLines.OfCampaignAsync(db, definitions, results, units, campaign.Id, cancellationToken))
            .Where(l => l.UnitId == unitId)
            .ToDictionary(l => l.ApplicationId, l => l.ApplicantName);

        var stage = campaign.Stage(StageKeys.Results);
        var content = new ResultsReportContent(request.PublicisedFrom!.Value, request.PublicisedTo!.Value, request.Place!, objections);
        var context = new ResultsReportContext(campaign.Year, publicity.FirstDay, candidates.Keys, stage.OpensAt, stage.ClosesAt, now);
        CheckFields(report, request.Actor.UnitId, content, context);
        if (!definitions.Has(instance, StateCapabilities.ResultsReportAwaited) && !definitions.Has(instance, StateCapabilities.ResultsReported))
        {
            var state = definitions.Get(instance.DefinitionId, instance.DefinitionVersion).StateDisplayName(instance.State);
            throw new DomainException($"本单位评审结果公示反馈当前为“{state}”，不能再提交。");
        }

        report.Submit(request.Actor.UnitId, content, context, request.Actor.Id, request.Actor.Name);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await engine.PerformAsync(
            new PerformRequest(instance.Id, WorkflowOperations.SubmitResultsReport, request.Actor, UnitResultsReport.Describe(content, candidates))
            {
                Facts = new WorkflowFacts(campaign),
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report.Id;
    }

    /// <summary>
    /// The Domain's rules on what the auditor typed come back as field messages; the rules on who
    /// and when stay refusals of the whole report.
    /// </summary>
    private static void CheckFields(UnitResultsReport report, Guid? auditorUnitId, ResultsReportContent content, ResultsReportContext context)
    {
        var v = new Validation();
        foreach (var rule in UnitResultsReport.Rules(report.UnitId, auditorUnitId, content, context).Where(r => r.IsBroken()))
        {
            string? field = rule switch
            {
                InternalPublicityDatesInTheCampaignYearRule or InternalPublicityNotBeforeTheResultsRule => "publicisedFrom",
                InternalPublicityEndsNotBeforeItStartsRule or InternalPublicityEndedByTheReportRule => "publicisedTo",
                InternalPublicityPlaceIsGivenRule => "place",
                ObjectionsNameTheUnitsOwnCandidatesRule or ObjectionIsDescribedOnceRule => "objections",
                _ => null,
            };
            if (field is null)
            {
                throw new BusinessRuleViolationException(rule);
            }

            v.Add(field, rule.Message);
        }

        v.ThrowIfInvalid();
    }
}
