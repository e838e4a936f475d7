using TitleReview.Domain.Identity;

namespace TitleReview.Web.Hosting;

/// <summary>Authorization policies: one per role, named after it.</summary>
public static class Policies
{
    public const string Office = Roles.Office;
    public const string Auditor = Roles.Auditor;
    public const string Applicant = Roles.Applicant;
    public const string Expert = Roles.Expert;
    public const string OfficeAdmin = Roles.OfficeAdmin;
}
