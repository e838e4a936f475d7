using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee.Results;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Tests.Security;

/// <summary>The inspector (ADR 52) passes the office's read check and no command's office check.</summary>
public class InspectorAccessTests : ApplicationTestBase
{
    private static readonly WorkflowActor Inspector = new("inspector-id", "林正清", [Roles.Inspector]);

    [Test]
    public void OfficeReaders_AdmitTheOfficeAndTheInspector_AndNobodyElse()
    {
        FluentActions.Invoking(() => OfficeReaders.Require(Inspector)).Should().NotThrow();
        FluentActions.Invoking(() => OfficeReaders.Require(new WorkflowActor("o", "陈静", [Roles.Office]))).Should().NotThrow();
        foreach (var role in new[] { Roles.Auditor, Roles.Applicant, Roles.Expert })
        {
            FluentActions.Invoking(() => OfficeReaders.Require(new WorkflowActor("x", "某人", [role]))).Should().Throw<ForbiddenAccessException>()
                .WithMessage(OfficeReaders.Message);
        }
    }

    [Test]
    public async Task AnOfficeCommand_RefusesTheInspector_BeforeLookingAtAnything()
    {
        await InitializeDatabaseAsync();

        var publish = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<PublishCommitteeResults, CommitteeResultsPublished>>()
            .HandleAsync(new PublishCommitteeResults(2023, null, null, null, Inspector)));

        await publish.Should().ThrowAsync<ForbiddenAccessException>("the inspector reads and never publishes");
    }

    [Test]
    public async Task AnOfficeQuery_AdmitsTheInspector()
    {
        await InitializeDatabaseAsync();

        var read = () => InScopeAsync(sp => sp.GetRequiredService<IHandler<GetCommitteeResults, CommitteeResultsView>>()
            .HandleAsync(new GetCommitteeResults(null, Inspector)));

        await read.Should().NotThrowAsync<ForbiddenAccessException>();
    }
}
