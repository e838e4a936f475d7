namespace TitleReview.Domain.Applications.Committee;

public enum RecusalReason
{
    /// <summary>The expert's organisation is the candidate's unit.</summary>
    OwnUnit = 1,

    /// <summary>The expert declared a conflict with the candidate.</summary>
    DeclaredConflict = 2,
}

/// <summary>
/// 回避: whether an expert must stay away from a candidate. A recused expert does not see the
/// candidate's dossier and does not vote on them; this is the one place that decides it.
/// </summary>
public static class Recusal
{
    /// <param name="candidateUnitName">The candidate's unit as registered, compared with an organisation typed as text.</param>
    public static RecusalReason? Of(Expert expert, Guid candidateUnitId, string candidateUnitName, ExpertDeclaration? declaration, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(expert);
        if (expert.UnitId == candidateUnitId || SameName(expert.Organisation, candidateUnitName))
        {
            return RecusalReason.OwnUnit;
        }

        return declaration?.HasConflictWith(applicationId) == true ? RecusalReason.DeclaredConflict : null;
    }

    public static string Describe(RecusalReason reason) => reason switch
    {
        RecusalReason.OwnUnit => "本人所在单位",
        RecusalReason.DeclaredConflict => "本人申报回避",
        _ => string.Empty,
    };

    private static bool SameName(string organisation, string unitName) =>
        !string.IsNullOrWhiteSpace(unitName) && string.Equals(organisation.Trim(), unitName.Trim(), StringComparison.Ordinal);
}
