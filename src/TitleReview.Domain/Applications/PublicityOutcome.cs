namespace TitleReview.Domain.Applications;

public enum PublicityOutcome
{
    /// <summary>公示无异议.</summary>
    NoObjection = 1,

    /// <summary>公示有异议.</summary>
    Objection = 2,
}
