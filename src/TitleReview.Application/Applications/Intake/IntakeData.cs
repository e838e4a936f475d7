using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Intake;

/// <summary>What the counter's use cases read alike: the campaign's window, the expected envelopes, the unit's exception.</summary>
internal static class IntakeData
{
    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("纸质材料由单位统一报送至省政工职评办，只有省政工职评办工作人员可以办理接收。");
        }
    }

    public static async Task<Campaign> CampaignAsync(IApplicationDbContext db, int year, CancellationToken cancellationToken) =>
        await db.Campaigns.Include(c => c.Stages).AsNoTracking().FirstOrDefaultAsync(c => c.Year == year, cancellationToken)
        ?? throw new NotFoundException($"{year} 年度的评审");

    public static DeliveryWindow WindowOf(Campaign campaign)
    {
        var stage = campaign.Stage(StageKeys.PaperDelivery);
        return new DeliveryWindow(stage.Name, stage.OpensAt, stage.ClosesAt);
    }

    /// <summary>The states of applications the unit submitted to the office, including those the window closed on.</summary>
    public static string[] SubmittedStates(IWorkflowDefinitions definitions) =>
        [.. definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.SubmittedToOffice)
            .Union(definitions.StatesWith(ApplicationWorkflow.DefinitionId, StateCapabilities.PaperNotDelivered))];

    public static async Task<DateTimeOffset?> ExceptionUntilAsync(IApplicationDbContext db, Guid campaignId, Guid unitId, CancellationToken cancellationToken) =>
        await db.PaperDeliveryExceptions.AsNoTracking()
            .Where(e => e.CampaignId == campaignId && e.UnitId == unitId)
            .OrderByDescending(e => e.Until)
            .Select(e => (DateTimeOffset?)e.Until)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>How an expected envelope stands, in the counter's words.</summary>
    public static EnvelopeStatus StatusOf(IWorkflowDefinitions definitions, WorkflowInstance instance, EnvelopeCheckIn? checkIn)
    {
        if (definitions.Has(instance, StateCapabilities.PaperNotDelivered))
        {
            return EnvelopeStatus.NotDelivered;
        }

        if (checkIn is null)
        {
            return definitions.Has(instance, StateCapabilities.AwaitingPaper) ? EnvelopeStatus.Awaiting : EnvelopeStatus.Closed;
        }

        return checkIn.IsComplete ? EnvelopeStatus.Received : EnvelopeStatus.Incomplete;
    }
}

/// <summary>Where an expected envelope stands at the counter.</summary>
public enum EnvelopeStatus
{
    /// <summary>Not yet brought.</summary>
    Awaiting = 1,
    Received = 2,

    /// <summary>Brought with items missing or wrong.</summary>
    Incomplete = 3,

    /// <summary>The window closed before it came.</summary>
    NotDelivered = 4,

    /// <summary>Left the office's paper stage without a check-in (a veto, a case from before the counter existed).</summary>
    Closed = 5,
}

public static class EnvelopeStatuses
{
    public static string DisplayName(EnvelopeStatus status) => status switch
    {
        EnvelopeStatus.Awaiting => "待接收",
        EnvelopeStatus.Received => "已接收（齐全）",
        EnvelopeStatus.Incomplete => "材料不全",
        EnvelopeStatus.NotDelivered => "未报送（报送期已截止）",
        _ => "未经接收登记",
    };
}
