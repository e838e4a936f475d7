namespace TitleReview.Domain.Identity;

/// <summary>The four kinds of signed-in users (the public needs no account).</summary>
public static class Roles
{
    /// <summary>省政工职评办 staff.</summary>
    public const string Office = "Office";

    /// <summary>A unit's 审核人.</summary>
    public const string Auditor = "Auditor";

    /// <summary>申报人.</summary>
    public const string Applicant = "Applicant";

    /// <summary>评委会 member.</summary>
    public const string Expert = "Expert";

    public static readonly IReadOnlyList<string> All = [Office, Auditor, Applicant, Expert];

    public static string DisplayName(string role) => role switch
    {
        Office => "省政工职评办",
        Auditor => "单位审核人",
        Applicant => "申报人",
        Expert => "评委",
        _ => role,
    };
}
