using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Time;

namespace TitleReview.Domain.Workflows.Guards;

/// <summary>
/// <c>WindowOpen:&lt;stage&gt;</c>: the stage's window is open now (or the office reopened
/// this case until a later instant). Checked at the moment of the request, so a window
/// closes to the second even if the clock job has not yet run.
/// </summary>
public sealed record WindowOpenGuard(string Stage) : GuardSpec
{
    public const string Name = "WindowOpen";

    public override string Text => $"{Name}:{Stage}";

    public override string StageKey => Stage;

    public override string DisplayName(StageCatalogue stages) => $"{stages.NameOf(Stage)}开放期间";

    public override GuardResult Check(GuardContext context) =>
        Evaluate(WindowGuards.StageOf(context, Stage), context.Now, context.Instance.ReopenedUntil);

    /// <summary>
    /// The same check for commands that act outside a transition (saving a section, registering a
    /// unit): open now, or reopened for this case by the office until <paramref name="reopenedUntil"/>.
    /// </summary>
    public static GuardResult Evaluate(CampaignStage stage, DateTimeOffset now, DateTimeOffset? reopenedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.IsOpenAt(now))
        {
            return GuardResult.Pass;
        }

        if (now >= stage.OpensAt && reopenedUntil is { } until && now < until)
        {
            return GuardResult.Pass;
        }

        return now < stage.OpensAt
            ? GuardResult.Fail($"“{stage.Name}”时间为 {BeijingTime.Format(stage.OpensAt)} 至 {BeijingTime.Format(stage.LastSecond)}（北京时间），尚未开始。")
            : GuardResult.Fail($"“{stage.Name}”时间为 {BeijingTime.Format(stage.OpensAt)} 至 {BeijingTime.Format(stage.LastSecond)}（北京时间），已于 {BeijingTime.Format(stage.LastSecond)} 截止，系统已关闭，不能再办理。");
    }
}

/// <summary><c>WindowClosed:&lt;stage&gt;</c>: the stage's window has closed.</summary>
public sealed record WindowClosedGuard(string Stage) : GuardSpec
{
    public const string Name = "WindowClosed";

    public override string Text => $"{Name}:{Stage}";

    public override string StageKey => Stage;

    public override string DisplayName(StageCatalogue stages) => $"{stages.NameOf(Stage)}截止后";

    public override GuardResult Check(GuardContext context)
    {
        var stage = WindowGuards.StageOf(context, Stage);
        return context.Now >= stage.ClosesAt
            ? GuardResult.Pass
            : GuardResult.Fail($"“{stage.Name}”尚未截止（截止时间 {BeijingTime.Format(stage.LastSecond)}），无需特例重新开放。");
    }
}

internal static class WindowGuards
{
    public static CampaignStage StageOf(GuardContext context, string stage)
    {
        var campaign = context.Facts.Campaign
            ?? throw new InvalidOperationException($"Instance {context.Instance.Id} has no campaign for a window guard.");
        return campaign.Stage(stage);
    }
}
