using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Application.Applications.Committee.Defense;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Pages.Office.Committee.Defense;

/// <summary>
/// 答辩安排: the office schedules the senior candidates' defense (sessions, panels, slots),
/// publishes it, and on the day records attendance and the panel's conclusions.
/// </summary>
public sealed class IndexModel(
    IHandler<GetDefenseOffice, DefenseOfficeView> get,
    IHandler<SaveDefenseSession, Guid> saveSession,
    IHandler<RemoveDefenseSession, bool> removeSession,
    IHandler<AssignDefenseSlot, bool> assign,
    IHandler<UnassignDefenseSlot, bool> unassign,
    IHandler<PublishDefenseSchedule, DefenseSchedulePublished> publish,
    IHandler<RecordDefenseAttendance, FireResult> recordAttendance,
    IHandler<RecordDefenseConclusion, bool> conclude) : PageModel, IPageWithData
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [TempData]
    public string? Message { get; set; }

    public DefenseOfficeView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSessionAsync(Guid? sessionId, DateTime? startsAt, string? place, List<Guid>? panel, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(startsAt), "请按“年-月-日 时:分”填写答辩开始时间。") | Unreadable(nameof(panel), "请从列表中选择答辩小组成员。") | Unreadable(nameof(sessionId), "请选择答辩场次。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var at = startsAt is { } s ? BeijingInput.FromInput(s, "startsAt", "答辩开始时间") : (DateTimeOffset?)null;
        await saveSession.HandleAsync(new SaveDefenseSession(Year ?? 0, sessionId, at, place, panel, User.ToWorkflowActor()), cancellationToken);
        Message = sessionId is null ? "已新增答辩场次。" : "已修改答辩场次。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostRemoveSessionAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await removeSession.HandleAsync(new RemoveDefenseSession(Year ?? 0, sessionId, User.ToWorkflowActor()), cancellationToken);
        Message = "已删除答辩场次。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid sessionId, Guid applicationId, TimeOnly? at, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(at), "请按“时:分”填写答辩时间。") | Unreadable(nameof(applicationId), "请选择答辩人。") | Unreadable(nameof(sessionId), "请选择答辩场次。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await assign.HandleAsync(new AssignDefenseSlot(Year ?? 0, sessionId, applicationId, at, User.ToWorkflowActor()), cancellationToken);
        Message = "已安排答辩人。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostUnassignAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        await unassign.HandleAsync(new UnassignDefenseSlot(Year ?? 0, applicationId, User.ToWorkflowActor()), cancellationToken);
        Message = "已取消该答辩人的安排。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var published = await publish.HandleAsync(new PublishDefenseSchedule(Year ?? 0, User.ToWorkflowActor()), cancellationToken);
        Message = $"已公布答辩安排：{published.Sessions} 个场次、{published.Candidates} 名答辩人。已通知各答辩人和所在单位审核人。";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostAttendanceAsync(Guid applicationId, DefenseAttendance? attendance, string? reason, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(attendance), "请选择出席情况。") | Unreadable(nameof(applicationId), "请选择答辩人。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await recordAttendance.HandleAsync(new RecordDefenseAttendance(applicationId, attendance, reason, User.ToWorkflowActor()), cancellationToken);
        Message = attendance switch
        {
            DefenseAttendance.Present => "已记录出席。",
            DefenseAttendance.Absent => "已记录缺席。",
            _ => "已更正出席记录。",
        };
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostConclusionAsync(Guid applicationId, bool? qualified, string? text, CancellationToken cancellationToken)
    {
        if (Unreadable(nameof(qualified), "请选择答辩结论（合格或不合格）。") | Unreadable(nameof(applicationId), "请选择答辩人。"))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await conclude.HandleAsync(new RecordDefenseConclusion(applicationId, qualified, text, User.ToWorkflowActor()), cancellationToken);
        Message = "已记录答辩结论。";
        return RedirectToPage(new { year = Year });
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await get.HandleAsync(new GetDefenseOffice(Year, User.ToWorkflowActor()), cancellationToken);
        Year = View.Year;
    }

    private bool Unreadable(string key, string message)
    {
        if (ModelState[key] is not { Errors.Count: > 0 })
        {
            return false;
        }

        ModelState.Remove(key);
        ModelState.AddModelError(key, message);
        return true;
    }
}
