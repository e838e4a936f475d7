namespace TitleReview.Domain.Workflows;

/// <summary>Who fires a trigger: a signed-in user with roles, or the system clock.</summary>
public sealed record WorkflowActor(string Id, string Name, IReadOnlyCollection<string> Roles, Guid? UnitId = null)
{
    public const string SystemRole = "system";
    public const string ClockId = "system:clock";

    public static readonly WorkflowActor Clock = new(ClockId, "系统时钟", [SystemRole]);

    public bool IsSystem => Roles.Contains(SystemRole);

    public bool HasAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}
