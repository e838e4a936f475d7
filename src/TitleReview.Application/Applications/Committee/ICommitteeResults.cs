namespace TitleReview.Application.Applications.Committee;

/// <param name="Passed">Whether the committee passed the candidate (an absent senior fails without a ballot).</param>
/// <param name="TallyText">The locked tally as the journal and the results show it, in Chinese.</param>
public sealed record CommitteeResult(Guid ApplicationId, bool Passed, string TallyText, DateTimeOffset LockedAt);

/// <summary>
/// The committee's locked results: which cases the vote passed or failed. The workflow's
/// <c>Passed</c>/<c>Failed</c> keep their v4 meaning, so the vote's own record is where a result
/// comes from; the results publicity and the certificates read it here.
/// </summary>
public interface ICommitteeResults
{
    /// <summary>The campaign's results from closed sessions, by application; a re-vote's last round counts.</summary>
    Task<IReadOnlyDictionary<Guid, CommitteeResult>> LockedResultsAsync(Guid campaignId, CancellationToken cancellationToken = default);
}
