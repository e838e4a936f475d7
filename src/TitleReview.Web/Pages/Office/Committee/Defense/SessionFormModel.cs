using TitleReview.Application.Applications.Committee.Defense;

namespace TitleReview.Web.Pages.Office.Committee.Defense;

/// <summary>The session form, for a new session or an existing one.</summary>
/// <param name="StartsAt">The start as a <c>datetime-local</c> value in Beijing time.</param>
public sealed record SessionFormModel(Guid? SessionId, string? StartsAt, string? Place, IReadOnlyList<Guid> Panel, IReadOnlyList<PanelExpert> Experts, int Year, string Button);
