using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Workflows.BulkOperations;

/// <summary>
/// The office hands an unfinished batch to the job again (after a restart lost the queued job,
/// for example); items that already have their outcome are not fired again.
/// </summary>
public sealed record ResumeBulkOperation(Guid Id, WorkflowActor Actor);

internal sealed class ResumeBulkOperationHandler(IApplicationDbContext db, IBulkOperationQueue queue) : IHandler<ResumeBulkOperation, Guid>
{
    public async Task<Guid> HandleAsync(ResumeBulkOperation request, CancellationToken cancellationToken = default)
    {
        BulkSelections.EnsureOffice(request.Actor);
        var operation = await db.BulkOperations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("该批量操作");
        if (operation.IsCompleted)
        {
            throw new DomainException("该批量操作已全部处理完毕，无需继续执行。");
        }

        queue.Enqueue(operation.Id);
        return operation.Id;
    }
}
