using System.Security.Claims;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Workflows.BulkOperations;
using TitleReview.Application.Workflows.Monitor;
using TitleReview.Domain.Workflows;
using TitleReview.Domain.Workflows.Bulk;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Api;

/// <summary>The monitor's bulk operations: preview a selection, start a batch, follow it.</summary>
internal static class BulkOperationEndpoints
{
    public static IEndpointRouteBuilder MapBulkOperationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows/bulk-operations").WithTags("流程").RequireAuthorization(Policies.Office);

        group.MapPost("/preview", (SelectionInput input, ClaimsPrincipal user, IHandler<PrepareBulkOperation, BulkOperationPreview> handler, CancellationToken ct) =>
                handler.HandleAsync(new PrepareBulkOperation(input.ToSelection(), user.ToWorkflowActor()), ct))
            .WithSummary("批量操作预览：选中多少实例、各处于什么状态、可以执行哪些操作");

        group.MapPost("/", CreateAsync)
            .WithSummary("创建批量操作（按筛选条件或实例 id 选择），由后台任务逐个执行");

        group.MapGet("/", (int? page, int? pageSize, ClaimsPrincipal user, IHandler<ListBulkOperations, PagedList<BulkOperationSummary>> handler, CancellationToken ct) =>
                handler.HandleAsync(new ListBulkOperations(user.ToWorkflowActor(), page, pageSize), ct))
            .WithSummary("批量操作列表（最新在前）");

        group.MapGet("/{id:guid}", (Guid id, BulkItemOutcome? outcome, int? page, int? pageSize, ClaimsPrincipal user, IHandler<GetBulkOperation, BulkOperationDto> handler, CancellationToken ct) =>
                handler.HandleAsync(new GetBulkOperation(id, user.ToWorkflowActor(), outcome, page, pageSize), ct))
            .WithSummary("批量操作的进度和各实例结果（可按结果筛选、分页）");

        group.MapPost("/{id:guid}/resume", async (Guid id, ClaimsPrincipal user, IHandler<ResumeBulkOperation, Guid> handler, CancellationToken ct) =>
                Results.Accepted($"/api/workflows/bulk-operations/{await handler.HandleAsync(new ResumeBulkOperation(id, user.ToWorkflowActor()), ct)}"))
            .WithSummary("重新提交未完成的批量操作（已有结果的实例不会重复执行）");

        return app;
    }

    private static async Task<IResult> CreateAsync(CreateInput input, ClaimsPrincipal user, IHandler<CreateBulkOperation, Guid> handler, CancellationToken cancellationToken)
    {
        var until = BeijingInput.FromApiText(input.Until, "until", "开放截止时间");
        var id = await handler.HandleAsync(
            new CreateBulkOperation(input.ToSelection(), input.Trigger, input.Reason, until, user.ToWorkflowActor()),
            cancellationToken);
        return Results.Accepted($"/api/workflows/bulk-operations/{id}", new { id });
    }

    /// <param name="InstanceIds">Ticked instances; when left out, every instance the filter finds.</param>
    internal sealed record SelectionInput(
        int? Year,
        string? DefinitionId,
        string? State,
        WorkflowStatus? Status,
        Guid? UnitId,
        string? Level,
        bool? HasIncidents,
        int? WaitingLongerThanDays,
        IReadOnlyList<Guid>? InstanceIds)
    {
        public BulkSelection ToSelection() =>
            new(new InstanceFilter(Year, DefinitionId, State, Status, UnitId, Level, HasIncidents, WaitingLongerThanDays), InstanceIds);
    }

    /// <param name="Until">For a reopening: Beijing time, <c>yyyy-MM-ddTHH:mm:ss</c>.</param>
    internal sealed record CreateInput(
        int? Year,
        string? DefinitionId,
        string? State,
        WorkflowStatus? Status,
        Guid? UnitId,
        string? Level,
        bool? HasIncidents,
        int? WaitingLongerThanDays,
        IReadOnlyList<Guid>? InstanceIds,
        string? Trigger,
        string? Reason,
        string? Until)
    {
        public BulkSelection ToSelection() =>
            new(new InstanceFilter(Year, DefinitionId, State, Status, UnitId, Level, HasIncidents, WaitingLongerThanDays), InstanceIds);
    }
}
