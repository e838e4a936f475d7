using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security;
using TitleReview.Application.Units;
using TitleReview.Application.Units.Queries;
using TitleReview.Domain.Applications.Feedback;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Home.GetAuditorHome;

/// <summary>The auditor's home page: their unit, its registrations, its applications and its applicants' accounts.</summary>
public sealed record GetAuditorHome(WorkflowActor Actor);

/// <param name="Unit">Null when the auditor's account is tied to no unit.</param>
/// <param name="Office">Where and when to deliver and pay for the current campaign, and whom to call; null when there is no campaign.</param>
public sealed record AuditorHome(
    UnitCard? Unit,
    IReadOnlyList<UnitRegistrationRow> Registrations,
    IReadOnlyList<ApplicationListItem> Applications,
    IReadOnlyList<AccountSummary> Applicants,
    OfficeNotice? Office = null)
{
    /// <summary>The publicity feedback the unit owes while its window is open; null when none is due.</summary>
    public FeedbackDue? FeedbackDue { get; init; }
}

/// <summary>How many of the unit's applicants still wait for the publicity feedback, and until when.</summary>
public sealed record FeedbackDue(int Year, int Count, string WindowText, DateTimeOffset Deadline);

internal sealed class GetAuditorHomeHandler(
    IUnitDirectory units,
    IAccountDirectory accounts,
    IHandler<ListUnitRegistrations, IReadOnlyList<UnitRegistrationRow>> registrations,
    IHandler<ListApplications, IReadOnlyList<ApplicationListItem>> applications,
    ICurrentCampaign current,
    TimeProvider clock) : IHandler<GetAuditorHome, AuditorHome>
{
    public async Task<AuditorHome> HandleAsync(GetAuditorHome request, CancellationToken cancellationToken = default)
    {
        if (request.Actor.UnitId is not { } unitId)
        {
            return new AuditorHome(null, [], [], []);
        }

        var unit = await units.FindAsync(unitId, cancellationToken);
        var members = await accounts.ListUnitMembersAsync(unitId, cancellationToken);
        var rows = await applications.HandleAsync(new ListApplications(request.Actor), cancellationToken);
        var campaign = await OfficeNotice.CampaignAsync(current, year: null, cancellationToken);
        var office = campaign is null
            ? null
            : OfficeNotice.Of(campaign, rows.Any(r => r.Year == campaign.Year && r.Means(StateCapabilities.SubmittedToOffice)), clock.GetUtcNow());
        return new AuditorHome(
            unit,
            await registrations.HandleAsync(new ListUnitRegistrations(request.Actor), cancellationToken),
            rows,
            members.Where(a => a.Role == Roles.Applicant).ToList(),
            office)
        {
            FeedbackDue = await FeedbackDueAsync(rows, cancellationToken),
        };
    }

    private async Task<FeedbackDue?> FeedbackDueAsync(IReadOnlyList<ApplicationListItem> rows, CancellationToken cancellationToken)
    {
        var awaiting = rows.Where(r => r.Means(StateCapabilities.AwaitingFeedback)).ToList();
        if (awaiting.Count == 0)
        {
            return null;
        }

        var year = awaiting.Max(r => r.Year);
        var campaign = await current.OfYearAsync(year, cancellationToken);
        var stage = campaign?.Stages.FirstOrDefault(s => s.Key == StageKeys.PublicityFeedback);
        if (stage is null || !stage.IsOpenAt(clock.GetUtcNow()))
        {
            return null;
        }

        var window = new FeedbackWindow(stage.OpensAt, stage.ClosesAt);
        return new FeedbackDue(year, awaiting.Count(r => r.Year == year), window.Text, stage.ClosesAt);
    }
}
