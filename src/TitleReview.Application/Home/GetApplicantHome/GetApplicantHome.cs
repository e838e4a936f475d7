using TitleReview.Application.Applications.Committee.Defense;
using TitleReview.Application.Applications.ListApplications;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Campaigns;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Home.GetApplicantHome;

/// <summary>The applicant's home page: their unit, their applications, and the campaigns they may start one in now.</summary>
public sealed record GetApplicantHome(WorkflowActor Actor);

/// <param name="OpenCampaigns">Campaigns whose filing window is open and the applicant has not applied in, the latest first.</param>
/// <param name="Defenses">The published defense time and place of each application that has one.</param>
public sealed record ApplicantHome(
    string? UnitName,
    IReadOnlyList<ApplicationListItem> Applications,
    IReadOnlyList<CampaignWindow> OpenCampaigns,
    IReadOnlyDictionary<Guid, DefenseAppointment> Defenses);

internal sealed class GetApplicantHomeHandler(
    IUnitDirectory units,
    ICurrentCampaign currentCampaign,
    IHandler<ListApplications, IReadOnlyList<ApplicationListItem>> list,
    IDefenseAppointments defenses,
    TimeProvider clock) : IHandler<GetApplicantHome, ApplicantHome>
{
    public async Task<ApplicantHome> HandleAsync(GetApplicantHome request, CancellationToken cancellationToken = default)
    {
        var unit = request.Actor.UnitId is { } unitId ? await units.FindAsync(unitId, cancellationToken) : null;
        // The list reads a decided case as awaiting the results until their publicity starts, then with its result.
        var applications = await list.HandleAsync(new ListApplications(request.Actor), cancellationToken);
        var now = clock.GetUtcNow();
        var open = (await currentCampaign.OpenAsync(StageKeys.Filing, cancellationToken))
            .Where(c => applications.All(a => a.Year != c.Year))
            .Select(c => CampaignWindow.Of(c, StageKeys.Filing, now))
            .ToList();
        var appointments = await defenses.PublishedAsync([.. applications.Where(a => a.Means(StateCapabilities.DefenseScheduled) || a.Means(StateCapabilities.DefenseHeld) || a.Means(StateCapabilities.DefenseAbsent)).Select(a => a.ApplicationId)], cancellationToken);
        return new ApplicantHome(unit?.Name, applications, open, appointments);
    }
}
