using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.SpotChecks;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Tests.Workflows;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Units;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;
using TitleReview.Infrastructure.Seeding;

namespace TitleReview.Application.Tests.SpotChecks;

/// <summary>
/// The 2023 campaign with cases already cleared after the publicity (the spot check's candidates):
/// how they got there is the earlier issues' business, so they are put in that state directly.
/// The spot check runs Oct 23–31, 2023.
/// </summary>
public abstract class SpotCheckTestBase : WorkflowTestBase
{
    protected const string Source = "2023年10月24日中国福利彩票“3D”开奖号码";

    protected static readonly DateTimeOffset DefinedAt = Beijing(2023, 10, 23, 9, 30, 0);
    protected static readonly DateTimeOffset CommittedAt = Beijing(2023, 10, 23, 10, 0, 0);
    protected static readonly DateTimeOffset DrawAt = Beijing(2023, 10, 25, 10, 0, 0);
    protected static readonly DateOnly DueOn = new(2023, 10, 30);

    /// <summary>Puts <paramref name="perUnit"/> cleared cases in each unit (the demo's two, then invented ones), levels in turn.</summary>
    protected async Task<IReadOnlyList<Guid>> CandidatesInUnitsAsync(int units, int perUnit)
    {
        var definitions = Services.GetRequiredService<IWorkflowDefinitions>();
        var latest = definitions.All.Where(d => d.SubjectType == WorkflowSubjectTypes.Application).MaxBy(d => d.Version)!;
        var cleared = latest.StatesWith(StateCapabilities.SpotCheckCandidate).First();
        return await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var unitIds = new List<Guid> { DemoAccounts.QiannanEnergy.Id, DemoAccounts.ProvincialTransport.Id };
            for (var u = unitIds.Count; u < units; u++)
            {
                var unit = Unit.Create(Guid.NewGuid(), $"抽查测试单位{u + 1}", $"91520000TEST{u + 1:000000}", UnitNature.ProvincialEnterprise, "贵阳市");
                db.Units.Add(unit);
                unitIds.Add(unit.Id);
            }

            var instances = new List<Guid>();
            var surnames = "李王张刘陈杨赵黄周吴";
            for (var u = 0; u < units; u++)
            {
                for (var p = 0; p < perUnit; p++)
                {
                    var level = (TitleLevel)(1 + ((u + p) % 3));
                    var name = $"{surnames[(u + p) % surnames.Length]}测{u}{p}";
                    var application = TitleApplication.Start(Guid.NewGuid(), CampaignId, $"spot-{Guid.NewGuid():N}", name, unitIds[u], level, Clock.GetUtcNow());
                    db.TitleApplications.Add(application);
                    var instance = WorkflowInstance.Start(
                        Guid.NewGuid(), latest.DefinitionId, latest.Version, cleared,
                        new WorkflowSubject(WorkflowSubjectTypes.Application, application.Id, name, CampaignId, unitIds[u], application.ApplicantUserId, level.ToString()),
                        Clock.GetUtcNow());
                    db.WorkflowInstances.Add(instance);
                    instances.Add(instance.Id);
                }
            }

            await db.SaveChangesAsync();
            return (IReadOnlyList<Guid>)instances;
        });
    }

    protected Task<Guid> DefineAsync(DrawMode unitsMode, int? units, int? perUnit, DrawMode acrossMode, int? across, bool perLevel, DateOnly? dueOn = null) =>
        SendAsync<DefineSpotCheck, Guid>(a => new DefineSpotCheck(2023, unitsMode, units, perUnit, acrossMode, across, perLevel, dueOn ?? DueOn, a));

    protected Task<SpotCheckCommitted> CommitAsync(DateTimeOffset? drawAt = null, string? source = Source) =>
        SendAsync<CommitSpotCheck, SpotCheckCommitted>(a => new CommitSpotCheck(2023, drawAt ?? DrawAt, source, a));

    protected Task<SpotCheckDrawn> DrawAsync(string? publicValue) =>
        SendAsync<DrawSpotCheck, SpotCheckDrawn>(a => new DrawSpotCheck(2023, publicValue, a));

    protected Task<PublicSpotCheckView> PublicViewAsync(Guid id, string? seed = null, string? publicValue = null) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetPublicSpotCheck, PublicSpotCheckView>>().HandleAsync(new GetPublicSpotCheck(id, seed, publicValue)));

    protected Task<SpotCheckInputs> InputsAsync(Guid id) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetSpotCheckInputs, SpotCheckInputs>>().HandleAsync(new GetSpotCheckInputs(id)));

    protected async Task<OfficeSpotCheckView> OfficeViewAsync()
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetOfficeSpotCheck, OfficeSpotCheckView>>().HandleAsync(new GetOfficeSpotCheck(2023, office)));
    }

    protected async Task<TResult> SendAsync<TCommand, TResult>(Func<WorkflowActor, TCommand> command)
    {
        var office = await ActorAsync("office");
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<TCommand, TResult>>().HandleAsync(command(office)));
    }

    protected Task<SpotCheckDraw> StoredDrawAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SpotCheckDraws.AsNoTracking().SingleAsync());
}
