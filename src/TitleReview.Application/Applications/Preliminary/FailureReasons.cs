using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Preliminary;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Preliminary;

/// <summary>The office's list of failure reasons as it maintains it, every reason with how many decisions gave it.</summary>
public sealed record ListFailureReasons(WorkflowActor Actor);

/// <param name="TimesGiven">How many conclusions (current or in a history) gave the reason: one given is only deactivated.</param>
public sealed record FailureReasonRow(Guid Id, string Text, int Order, bool IsActive, int TimesGiven)
{
    public bool Deletable => TimesGiven == 0;
}

public sealed record AddFailureReason(string? Text, WorkflowActor Actor);

public sealed record RenameFailureReason(Guid ReasonId, string? Text, WorkflowActor Actor);

/// <summary>Moves a reason one place up or down the list the reviewer ticks.</summary>
public sealed record MoveFailureReason(Guid ReasonId, bool Up, WorkflowActor Actor);

/// <summary>Deactivates a reason (no longer offered) or offers it again.</summary>
public sealed record SetFailureReasonActive(Guid ReasonId, bool Active, WorkflowActor Actor);

/// <summary>Deletes a reason no decision ever gave (a mistyped one); one in use is only deactivated.</summary>
public sealed record DeleteFailureReason(Guid ReasonId, WorkflowActor Actor);

internal sealed class ListFailureReasonsHandler(IApplicationDbContext db) : IHandler<ListFailureReasons, IReadOnlyList<FailureReasonRow>>
{
    public async Task<IReadOnlyList<FailureReasonRow>> HandleAsync(ListFailureReasons request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var reasons = await db.FailureReasons.AsNoTracking()
            .OrderBy(r => r.Order)
            .Select(r => new
            {
                r.Id,
                r.Text,
                r.Order,
                r.IsActive,
                Given = db.PreliminaryDecisions.SelectMany(d => d.Reasons).Count(g => g.ReasonId == r.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. reasons.Select(r => new FailureReasonRow(r.Id, r.Text, r.Order, r.IsActive, r.Given))];
    }
}

internal sealed class AddFailureReasonHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<AddFailureReason, Guid>
{
    public async Task<Guid> HandleAsync(AddFailureReason request, CancellationToken cancellationToken = default)
    {
        PreliminaryAccess.RequireOffice(request.Actor);
        var list = await db.FailureReasons.AsNoTracking().Select(r => new { r.Text, r.Order }).ToListAsync(cancellationToken);
        var texts = list.Select(r => r.Text).ToList();
        FailureReasonInput.Validate(request.Text, texts);
        var reason = FailureReason.Create(request.Text, list.Count == 0 ? 1 : list.Max(r => r.Order) + 1, texts, clock.GetUtcNow());
        db.FailureReasons.Add(reason);
        await db.SaveChangesAsync(cancellationToken);
        return reason.Id;
    }
}

internal sealed class RenameFailureReasonHandler(IApplicationDbContext db) : IHandler<RenameFailureReason, Guid>
{
    public async Task<Guid> HandleAsync(RenameFailureReason request, CancellationToken cancellationToken = default)
    {
        PreliminaryAccess.RequireOffice(request.Actor);
        var reason = await FailureReasonInput.FindAsync(db, request.ReasonId, cancellationToken);
        var others = await db.FailureReasons.AsNoTracking().Where(r => r.Id != reason.Id).Select(r => r.Text).ToListAsync(cancellationToken);
        FailureReasonInput.Validate(request.Text, others);
        reason.Rename(request.Text, others);
        await db.SaveChangesAsync(cancellationToken);
        return reason.Id;
    }
}

internal sealed class MoveFailureReasonHandler(IApplicationDbContext db) : IHandler<MoveFailureReason, Guid>
{
    public async Task<Guid> HandleAsync(MoveFailureReason request, CancellationToken cancellationToken = default)
    {
        PreliminaryAccess.RequireOffice(request.Actor);
        var list = await db.FailureReasons.OrderBy(r => r.Order).ToListAsync(cancellationToken);
        var index = list.FindIndex(r => r.Id == request.ReasonId);
        if (index < 0)
        {
            throw new NotFoundException("该不通过原因");
        }

        var other = request.Up ? index - 1 : index + 1;
        if (other < 0 || other >= list.Count)
        {
            return request.ReasonId;
        }

        // Renumbered whole: orders left equal or with gaps by earlier deletions come out 1, 2, 3….
        (list[index], list[other]) = (list[other], list[index]);
        for (var i = 0; i < list.Count; i++)
        {
            list[i].MoveTo(i + 1);
        }

        await db.SaveChangesAsync(cancellationToken);
        return request.ReasonId;
    }
}

internal sealed class SetFailureReasonActiveHandler(IApplicationDbContext db) : IHandler<SetFailureReasonActive, Guid>
{
    public async Task<Guid> HandleAsync(SetFailureReasonActive request, CancellationToken cancellationToken = default)
    {
        PreliminaryAccess.RequireOffice(request.Actor);
        var reason = await FailureReasonInput.FindAsync(db, request.ReasonId, cancellationToken);
        if (request.Active)
        {
            reason.Activate();
        }
        else
        {
            reason.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        return reason.Id;
    }
}

internal sealed class DeleteFailureReasonHandler(IApplicationDbContext db) : IHandler<DeleteFailureReason, Guid>
{
    public async Task<Guid> HandleAsync(DeleteFailureReason request, CancellationToken cancellationToken = default)
    {
        PreliminaryAccess.RequireOffice(request.Actor);
        var reason = await FailureReasonInput.FindAsync(db, request.ReasonId, cancellationToken);
        var given = await db.PreliminaryDecisions.SelectMany(d => d.Reasons).CountAsync(g => g.ReasonId == reason.Id, cancellationToken);
        reason.EnsureDeletable(given);
        db.FailureReasons.Remove(reason);
        await db.SaveChangesAsync(cancellationToken);
        return reason.Id;
    }
}

internal static class FailureReasonInput
{
    /// <summary>The wording's rules as field messages on the form's <c>text</c>.</summary>
    public static void Validate(string? text, IReadOnlyList<string> otherTexts)
    {
        var v = new Validation().Check("text", new FailureReasonTextIsGivenRule(text));
        if (v.IsValid)
        {
            v.Check("text", new FailureReasonTextIsUniqueRule(text!, otherTexts));
        }

        v.ThrowIfInvalid();
    }

    public static async Task<FailureReason> FindAsync(IApplicationDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.FailureReasons.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("该不通过原因");
}
