using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Fees;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Guards;

namespace TitleReview.Application.Fees.Reconcile;

/// <summary>The office's decision on a statement row the import left open: count it for a unit, or set it aside.</summary>
public enum StatementRowChoice
{
    AssignToUnit = 1,
    Ignore = 2,
}

public sealed record DecideStatementRow(Guid StatementRowId, StatementRowChoice? Choice, Guid? UnitPaymentId, string? Note, WorkflowActor Actor);

internal sealed class DecideStatementRowHandler(IApplicationDbContext db, IWorkflowEngine engine, IWorkflowDefinitions definitions, TimeProvider clock) : IHandler<DecideStatementRow, StatementRowDecision>
{
    public async Task<StatementRowDecision> HandleAsync(DecideStatementRow request, CancellationToken cancellationToken = default)
    {
        Reconciliation.EnsureOffice(request.Actor);
        var v = new Validation();
        v.Require(request.Choice is not null && Enum.IsDefined(request.Choice.Value), "choice", "请选择计入某单位或忽略。");
        v.Require(request.Choice != StatementRowChoice.AssignToUnit || request.UnitPaymentId is not null, "unitPaymentId", "请选择该笔款项计入的单位。");
        v.Require(request.Choice != StatementRowChoice.Ignore || !string.IsNullOrWhiteSpace(request.Note), "note", new IgnoredRowHasANoteRule(null).Message);
        v.Require(request.Note is null || request.Note.Trim().Length <= FeesWorkflow.MaxNoteLength, "note", $"说明不能超过 {FeesWorkflow.MaxNoteLength} 个字。");
        v.ThrowIfInvalid();

        var row = await db.StatementRows.FirstOrDefaultAsync(r => r.Id == request.StatementRowId, cancellationToken)
            ?? throw new NotFoundException("该银行流水");
        var now = clock.GetUtcNow();
        if (request.Choice == StatementRowChoice.Ignore)
        {
            row.Ignore(request.Note, now);
            await db.SaveChangesAsync(cancellationToken);
            return row.Decision;
        }

        var (payment, instance) = await FeesWorkflow.LoadTrackedAsync(db, request.UnitPaymentId!.Value, cancellationToken);
        if (payment.CampaignId != row.CampaignId)
        {
            throw new NotFoundException("该单位的缴费记录");
        }

        var campaign = await FeesWorkflow.CampaignAsync(db, row.CampaignId, cancellationToken);
        var due = await Reconciliation.DueAsync(db, definitions, campaign, payment.UnitId, cancellationToken);
        var outcome = payment.Count(row, due, request.Note, now);
        await engine.PerformAsync(
            new PerformRequest(instance.Id, FeesWorkflow.OperationFor(outcome), request.Actor, $"办公室将银行流水第 {row.LineNumber} 行（{row.Date:yyyy-MM-dd}，{row.Payer}，{row.Amount:0.00} 元）计入本单位：{payment.OutcomeNote}")
            {
                Facts = new WorkflowFacts(campaign),
            },
            cancellationToken);
        return row.Decision;
    }
}
