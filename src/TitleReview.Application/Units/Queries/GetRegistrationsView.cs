using TitleReview.Application.Campaigns;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Workflows.Definitions;

namespace TitleReview.Application.Units.Queries;

/// <summary>The office's list of registrations with what it can be filtered by: the campaign years and the registration's states.</summary>
public sealed record GetRegistrationsView(int? Year = null, string? State = null);

public sealed record RegistrationsView(IReadOnlyList<int> Years, IReadOnlyList<StateDefinition> States, IReadOnlyList<RegistrationListItem> Rows);

internal sealed class GetRegistrationsViewHandler(
    ICurrentCampaign currentCampaign,
    IWorkflowDefinitions definitions,
    IHandler<ListRegistrations, IReadOnlyList<RegistrationListItem>> list) : IHandler<GetRegistrationsView, RegistrationsView>
{
    public async Task<RegistrationsView> HandleAsync(GetRegistrationsView request, CancellationToken cancellationToken = default) =>
        new(
            await currentCampaign.YearsAsync(cancellationToken),
            definitions.Latest(UnitRegistrationWorkflow.DefinitionId).States,
            await list.HandleAsync(new ListRegistrations(request.Year, request.State), cancellationToken));
}
