using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TitleReview.Domain.Calendars;

namespace TitleReview.Web.Pages.Office;

public sealed class CalendarModel(WorkingDayCalendar calendar) : PageModel
{
    private static readonly string[] WeekdayNames = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "起始日期")]
    public DateOnly? Start { get; set; }

    [BindProperty(SupportsGet = true)]
    [Range(1, 366, ErrorMessage = "工作日天数须为 1 到 366 之间的整数。")]
    [Display(Name = "工作日天数")]
    public int? Days { get; set; } = 5;

    public DateOnly? PeriodEnd { get; private set; }

    public DateOnly? AddedEnd { get; private set; }

    public IReadOnlyList<CalendarYear> Years { get; private set; } = [];

    public void OnGet()
    {
        Years = calendar.Years.Select(calendar.GetYear).ToList();
        if (Start is null || !ModelState.IsValid)
        {
            return;
        }

        if (Days is null)
        {
            ModelState.AddModelError(nameof(Days), "请填写工作日天数。");
            return;
        }

        try
        {
            PeriodEnd = calendar.EndOfPeriod(Start.Value, Days.Value);
            AddedEnd = calendar.AddWorkingDays(Start.Value, Days.Value);
        }
        catch (CalendarYearMissingException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
    }

    public string WeekdayName(DateOnly day) => WeekdayNames[(int)day.DayOfWeek];
}
