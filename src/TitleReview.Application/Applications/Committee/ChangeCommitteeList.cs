using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Supplements;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Committee;

/// <summary>The office's adjustments of the compiled list, each with a reason.</summary>
public enum CommitteeListChange
{
    /// <summary>不列入: take an eligible case off.</summary>
    Remove = 1,

    /// <summary>特例列入: keep a case whose unit sent no feedback.</summary>
    Keep = 2,

    /// <summary>撤销调整: undo either.</summary>
    Revert = 3,
}

/// <summary>The office removes, keeps or reverts one case on the committee list while it is compiled, with a reason.</summary>
public sealed record ChangeCommitteeList(Guid ApplicationId, CommitteeListChange? Change, string? Reason, WorkflowActor Actor)
{
    public const int MaxReasonLength = CommitteeListDecisionHasAReasonRule.MaxReasonLength;
}

internal sealed class ChangeCommitteeListHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions)
    : IHandler<ChangeCommitteeList, FireResult>
{
    public async Task<FireResult> HandleAsync(ChangeCommitteeList request, CancellationToken cancellationToken = default)
    {
        OfficeOnly.Require(request.Actor);
        var reasonRule = new CommitteeListDecisionHasAReasonRule(request.Reason);
        new Validation()
            .Require(request.Change is { } c && Enum.IsDefined(c), "change", "请选择名单调整的方式。")
            .Require(!reasonRule.IsBroken(), "reason", reasonRule.Message)
            .ThrowIfInvalid();

        var found = await (
                from application in db.TitleApplications.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on application.Id equals instance.SubjectId
                where application.Id == request.ApplicationId && instance.SubjectType == ApplicationWorkflow.SubjectType
                select new { application.ApplicantName, instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.State })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("该申报人");
        var (operation, refusal) = request.Change switch
        {
            CommitteeListChange.Remove => (WorkflowOperations.RemoveFromCommitteeList, $"{found.ApplicantName}不在可调整出送评名单的状态（须符合送评条件且名单尚未公布）。"),
            CommitteeListChange.Keep => (WorkflowOperations.KeepOnCommitteeList, $"{found.ApplicantName}不是单位未反馈公示结果的人员，无需特例列入。"),
            _ => (WorkflowOperations.RevertCommitteeListDecision, $"{found.ApplicantName}没有可撤销的名单调整。"),
        };

        // An operation the state has no way for is the office's mistake, told in its words, not the engine's.
        if (definitions.Get(found.DefinitionId, found.DefinitionVersion).TransitionFor(operation, found.State) is null)
        {
            throw new DomainException(refusal);
        }

        return await engine.PerformAsync(new PerformRequest(found.Id, operation, request.Actor, request.Reason!.Trim()), cancellationToken);
    }
}
