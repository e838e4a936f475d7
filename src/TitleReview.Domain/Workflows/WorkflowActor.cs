namespace TitleReview.Domain.Workflows;

/// <summary>Who fires a trigger: a signed-in user with roles, or the system clock.</summary>
public sealed record WorkflowActor(string Id, string Name, IReadOnlyCollection<string> Roles, Guid? UnitId = null)
{
    public const string SystemRole = "system";
    public const string ClockId = "system:clock";

    public static readonly WorkflowActor Clock = new(ClockId, "系统时钟", [SystemRole]);

    public bool IsSystem => Roles.Contains(SystemRole);

    public bool HasAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>
    /// Office staff, or a discipline inspector (纪检监察), who reads everything the office reads. Queries
    /// admit these; commands admit <see cref="Identity.Roles.Office"/> alone (ADR 52).
    /// </summary>
    public bool ReadsAsOffice => Roles.Contains(Identity.Roles.Office) || Roles.Contains(Identity.Roles.Inspector);
}
