using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Campaigns.UpdateLevelRule;

/// <summary>
/// The office sets a campaign's requirements for one title level (the defaults stand in for
/// the province's conditions document, which the project does not have).
/// </summary>
public sealed record UpdateLevelRule(
    Guid CampaignId,
    TitleLevel? Level,
    int? HoursPerYear,
    int? EducationYears,
    int? RequiredWordCount,
    int? RequiredPapers,
    int? MinYearsInCurrentTitle,
    WorkflowActor Actor)
{
    /// <summary>评审费 per applicant of the level, in yuan; null leaves it unset (the amount due then says so).</summary>
    public decimal? ReviewFee { get; init; }

    /// <summary>专业科目学时占比 as a fraction; null keeps the level's (two thirds unless changed).</summary>
    public int? ProfessionalShareNumerator { get; init; }

    public int? ProfessionalShareDenominator { get; init; }

    /// <summary>Whether 越级申报 is allowed for the level; null keeps the level's setting.</summary>
    public bool? SkippingAllowed { get; init; }

    /// <summary>Whether 首评 is open for the level; null keeps the level's setting.</summary>
    public bool? FirstEvaluationOpen { get; init; }
}

internal sealed class UpdateLevelRuleHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<UpdateLevelRule, LevelRule>
{
    public const string EditRulesTrigger = "editRules";

    public async Task<LevelRule> HandleAsync(UpdateLevelRule request, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        v.Require(request.Level is not null && Enum.IsDefined(request.Level.Value), "level", "请选择专业职务等级。");
        v.Require(request.HoursPerYear is >= 0 and <= 1000, "hoursPerYear", "每年继续教育学时应在 0 到 1000 之间。");
        v.Require(request.EducationYears is >= 0 and <= 10, "educationYears", "需核查的继续教育年数应在 0 到 10 之间。");
        v.Require(request.RequiredWordCount is >= 0 and <= 1_000_000, "requiredWordCount", "工作材料字数应在 0 到 1000000 之间。");
        v.Require(request.RequiredPapers is >= 0 and <= 50, "requiredPapers", "论文篇数应在 0 到 50 之间。");
        v.Require(request.MinYearsInCurrentTitle is >= 0 and <= 30, "minYearsInCurrentTitle", "任现职年限应在 0 到 30 年之间。");
        if (new ReviewFeeInRangeRule(request.ReviewFee) is { } fee && fee.IsBroken())
        {
            v.Add("reviewFee", fee.Message);
        }

        v.Require((request.ProfessionalShareNumerator is null) == (request.ProfessionalShareDenominator is null), "professionalShare", "请同时填写专业科目学时占比的分子和分母。");
        if (request is { ProfessionalShareNumerator: { } numerator, ProfessionalShareDenominator: { } denominator }
            && new ProfessionalShareInRangeRule(new ProfessionalShare(numerator, denominator)) is { } share && share.IsBroken())
        {
            v.Add("professionalShare", share.Message);
        }

        v.ThrowIfInvalid();

        var campaign = await db.Campaigns.Include(c => c.Rules).FirstOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
            ?? throw new NotFoundException("该年度评审工作");
        var before = campaign.RuleFor(request.Level!.Value);
        var rule = new LevelRule(request.Level.Value, request.HoursPerYear!.Value, request.EducationYears!.Value, request.RequiredWordCount!.Value, request.RequiredPapers!.Value, request.MinYearsInCurrentTitle!.Value, request.ReviewFee)
        {
            ProfessionalShare = request is { ProfessionalShareNumerator: { } n, ProfessionalShareDenominator: { } d } ? new ProfessionalShare(n, d) : before.ProfessionalShare,
            SkippingAllowed = request.SkippingAllowed ?? before.SkippingAllowed,
            FirstEvaluationOpen = request.FirstEvaluationOpen ?? before.FirstEvaluationOpen,
        };
        campaign.SetRule(rule);

        var instance = await db.WorkflowInstances.SingleAsync(i => i.SubjectType == CampaignWorkflow.SubjectType && i.SubjectId == campaign.Id, cancellationToken);
        var now = clock.GetUtcNow();
        instance.Touch(now);
        db.WorkflowJournal.Add(WorkflowJournalEntry.Record(
            instance.Id,
            instance.State,
            EditRulesTrigger,
            instance.State,
            request.Actor,
            $"修改{TitleLevels.DisplayName(rule.Level)}申报条件：继续教育每年 {before.HoursPerYear}→{rule.HoursPerYear} 学时（核查 {rule.EducationYears} 年），工作材料 {before.RequiredWordCount}→{rule.RequiredWordCount} 字，论文 {before.RequiredPapers}→{rule.RequiredPapers} 篇，任现职 {before.MinYearsInCurrentTitle}→{rule.MinYearsInCurrentTitle} 年，专业科目占比 {before.ProfessionalShare}→{rule.ProfessionalShare}，越级申报 {Allowed(before.SkippingAllowed)}→{Allowed(rule.SkippingAllowed)}，首评 {Allowed(before.FirstEvaluationOpen)}→{Allowed(rule.FirstEvaluationOpen)}，评审费 {FeeText(before.ReviewFee)}→{FeeText(rule.ReviewFee)}",
            now));
        await db.SaveChangesAsync(cancellationToken);
        return rule;
    }

    private static string Allowed(bool allowed) => allowed ? "允许" : "不允许";

    private static string FeeText(decimal? fee) => fee is { } f ? $"{f:0.##} 元" : "未设定";
}
