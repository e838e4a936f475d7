namespace TitleReview.Application.Workflows.BulkOperations;

/// <summary>Hands a created batch to the background job that fires it (Hangfire in production).</summary>
public interface IBulkOperationQueue
{
    void Enqueue(Guid operationId);
}
