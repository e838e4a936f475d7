using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.Monitor;

/// <summary>
/// Whether a reader may not yet see which way a case was decided (a state meaning
/// <see cref="StateCapabilities.CommitteeDecided"/>): the committee's result stays secret until
/// its publicity starts. The subjects' module answers; the monitor only asks.
/// </summary>
public interface IDecisionSecrecy
{
    /// <summary>What a hidden decision reads as.</summary>
    const string AwaitingResults = "评审结果待公布";

    Task<bool> HidesDecisionAsync(Guid campaignId, WorkflowActor actor, CancellationToken cancellationToken = default);
}
