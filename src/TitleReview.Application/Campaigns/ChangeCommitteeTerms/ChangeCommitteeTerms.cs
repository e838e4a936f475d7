using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Campaigns.ChangeCommitteeTerms;

/// <summary>
/// The office sets a year's committee terms as a whole: the quorum and pass shares, the defense
/// notice in days and the results publicity in working days. Each problem is reported beside its
/// field and nothing is saved; a change is journaled on the campaign's instance, before and after.
/// </summary>
public sealed record ChangeCommitteeTerms(
    int Year,
    int? QuorumNumerator,
    int? QuorumDenominator,
    int? PassNumerator,
    int? PassDenominator,
    int? DefenseNoticeDays,
    int? ResultsPublicityWorkingDays,
    WorkflowActor Actor)
{
    /// <summary>The campaign journal's trigger for a change of terms (not a workflow trigger).</summary>
    public const string JournalTrigger = "editCommitteeTerms";

    /// <summary>The terms in the words the office and the journal read.</summary>
    public static string Describe(CommitteeTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return $"到会 {terms.QuorumText}、通过 {terms.PassText}、答辩提前 {terms.DefenseNoticeDays} 天公布、结果公示 {terms.ResultsPublicityWorkingDays} 个工作日";
    }
}

internal sealed class ChangeCommitteeTermsHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<ChangeCommitteeTerms, CommitteeTerms>
{
    public async Task<CommitteeTerms> HandleAsync(ChangeCommitteeTerms request, CancellationToken cancellationToken = default)
    {
        if (!request.Actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以修改评审委员会议事规则。");
        }

        var v = new Validation();
        Share(v, "Quorum", "到会人数比例", request.QuorumNumerator, request.QuorumDenominator);
        Share(v, "Pass", "通过票数比例", request.PassNumerator, request.PassDenominator);
        Check(v, nameof(request.DefenseNoticeDays), request.DefenseNoticeDays, "答辩提前公布天数", d => new DefenseNoticeInRangeRule(d));
        Check(v, nameof(request.ResultsPublicityWorkingDays), request.ResultsPublicityWorkingDays, "评审结果公示工作日数", d => new ResultsPublicityInRangeRule(d));
        v.ThrowIfInvalid();

        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException($"{request.Year} 年度评审工作");
        var before = campaign.CommitteeTerms;
        var terms = new CommitteeTerms(
            request.QuorumNumerator!.Value,
            request.QuorumDenominator!.Value,
            request.PassNumerator!.Value,
            request.PassDenominator!.Value,
            request.DefenseNoticeDays!.Value,
            request.ResultsPublicityWorkingDays!.Value);
        if (terms == before)
        {
            return before;
        }

        campaign.SetCommitteeTerms(terms);
        var now = clock.GetUtcNow();
        var instance = await db.WorkflowInstances.SingleAsync(i => i.SubjectType == CampaignWorkflow.SubjectType && i.SubjectId == campaign.Id, cancellationToken);
        instance.Touch(now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id,
            instance.State,
            ChangeCommitteeTerms.JournalTrigger,
            instance.State,
            request.Actor,
            $"修改评审委员会议事规则：{ChangeCommitteeTerms.Describe(before)} → {ChangeCommitteeTerms.Describe(terms)}",
            now));
        await db.SaveChangesAsync(cancellationToken);
        return terms;
    }

    private static void Share(Validation v, string field, string label, int? numerator, int? denominator)
    {
        if (numerator is not { } n || denominator is not { } d)
        {
            v.Add(field, $"请填写{label}的分子和分母（整数）。");
            return;
        }

        var rule = new ShareAtLeastHalfRule(label, n, d);
        v.Require(!rule.IsBroken(), field, rule.Message);
    }

    private static void Check(Validation v, string field, int? value, string label, Func<int, Domain.Common.IBusinessRule> rule)
    {
        if (value is not { } days)
        {
            v.Add(field, $"请填写{label}（整数）。");
            return;
        }

        var broken = rule(days);
        v.Require(!broken.IsBroken(), field, broken.Message);
    }
}
