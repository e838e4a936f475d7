namespace TitleReview.Domain.Identity;

/// <summary>The kinds of signed-in users (the public needs no account).</summary>
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

    /// <summary>
    /// 系统管理员: an office member who also manages office staff and expert accounts and
    /// their roles. Always held together with <see cref="Office"/>.
    /// </summary>
    public const string OfficeAdmin = "OfficeAdmin";

    /// <summary>
    /// 纪检监察: a discipline inspector who reads every page, dossier, scan, journal and log the office
    /// reads, and changes nothing; every view is logged (ADR 52).
    /// </summary>
    public const string Inspector = "Inspector";

    public static readonly IReadOnlyList<string> All = [Office, OfficeAdmin, Auditor, Applicant, Expert, Inspector];

    /// <summary>The roles an office administrator gives to office staff, expert and inspector accounts.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Office, OfficeAdmin, Expert, Inspector];

    /// <summary>Accounts in these roles must sign in with a second factor (when so configured).</summary>
    public static bool RequiresTwoFactor(string role) => role is Office or OfficeAdmin or Inspector;

    public static string DisplayName(string role) => role switch
    {
        Office => "省政工职评办",
        Auditor => "单位审核人",
        Applicant => "申报人",
        Expert => "评委",
        OfficeAdmin => "系统管理员",
        Inspector => "纪检监察",
        _ => role,
    };
}
