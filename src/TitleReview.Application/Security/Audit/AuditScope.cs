using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Security.Audit;

/// <summary>
/// Who is asking and from where, for the request or job this scope serves (ADR 0053). The web host
/// fills it from the HTTP request (account, role, unit, IP, user agent); a job leaves it empty and
/// its rows name the system. It also tracks what the use cases of the scope changed and whether a
/// command is running, so that nested use cases write one row, the outermost's.
/// </summary>
public sealed class AuditScope
{
    private readonly Dictionary<string, (int Added, int Modified, int Deleted)> _changes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _openings = new(StringComparer.Ordinal);

    public string? UserName { get; set; }

    public string? UserId { get; set; }

    public string? DisplayName { get; set; }

    public IReadOnlyCollection<string> Roles { get; set; } = [];

    public Guid? UnitId { get; set; }

    public string? RemoteAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>Whether the outermost running use case is a command (its row covers the nested ones).</summary>
    internal bool InCommand { get; set; }

    /// <summary>Called before each save of the unit of work with the entities it writes.</summary>
    public void NoteChange(string entity, int added, int modified, int deleted)
    {
        var (a, m, d) = _changes.GetValueOrDefault(entity);
        _changes[entity] = (a + added, m + modified, d + deleted);
    }

    internal IReadOnlyDictionary<string, (int Added, int Modified, int Deleted)> Changes => _changes;

    internal void ClearChanges() => _changes.Clear();

    /// <summary>True the first time a subject is opened in this scope (one row per opening per request).</summary>
    internal bool FirstOpening(string key) => _openings.Add(key);

    /// <summary>The role to show: the highest the account holds.</summary>
    public static string? RoleName(IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Contains(WorkflowActor.SystemRole))
        {
            return Domain.Security.AuditEntry.SystemActor;
        }

        var ranked = new[] { Domain.Identity.Roles.Office, Domain.Identity.Roles.Inspector, Domain.Identity.Roles.Auditor, Domain.Identity.Roles.Expert, Domain.Identity.Roles.Applicant };
        var role = ranked.FirstOrDefault(roles.Contains) ?? roles.FirstOrDefault();
        return role is null ? null : Domain.Identity.Roles.DisplayName(role);
    }
}
