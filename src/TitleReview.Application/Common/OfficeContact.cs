namespace TitleReview.Application.Common;

/// <summary>Whom people are told to call (the <c>Office</c> section); the notice's public numbers by default.</summary>
public sealed class OfficeContact
{
    public const string SectionName = "Office";

    public string Name { get; set; } = "省政工职评办";

    public string Phone { get; set; } = "0851-85893109";

    public string CallUs => $"如有疑问，请联系{Name}（{Phone}）。";
}
