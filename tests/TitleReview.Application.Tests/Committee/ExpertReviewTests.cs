using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Committee.ExpertReview;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Committee;
using TitleReview.Domain.Applications.Committee.ExpertReview;
using TitleReview.Domain.Common;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Committee;

/// <summary>The expert's side of the review (issue 16, 1 and 3): the pledge and conflicts, the assigned dossiers, the opening log, the opinions.</summary>
public class ExpertReviewTests : CommitteeTestBase
{
    private const int Year = 2023;

    private Guid _lihua;
    private Guid _zhaoqiang;

    [SetUp]
    public async Task CandidatesAndCommitteeAsync()
    {
        _lihua = await OnCommitteeListAsync("applicant1", "auditor1", TitleLevel.Intermediate);
        _zhaoqiang = await OnCommitteeListAsync("applicant3", "auditor2", TitleLevel.Senior);
        Clock.SetUtcNow(Beijing(2023, 11, 20, 9, 0, 0));
    }

    [Test]
    public async Task AcceptPledge_WithoutTheCheckbox_IsRefusedOnItsFieldAndSavesNothing()
    {
        await SeatCommitteeAsync();

        var refused = await FluentActions.Awaiting(() => AcceptAsync("expert1", false)).Should().ThrowAsync<ValidationException>();

        refused.Which.Errors.Should().ContainKey(nameof(AcceptPledge.Accepted)).WhoseValue.Should().Equal(new PledgeMustBeAcceptedRule(false).Message);
        (await DeclarationsAsync()).Should().Be(0);
    }

    [Test]
    public async Task AcceptPledge_WithAConflictWithoutItsKind_IsRefusedOnThatCandidatesField()
    {
        await SeatCommitteeAsync();

        var refused = await FluentActions.Awaiting(() => AcceptAsync("expert5", true, new ConflictInput(_zhaoqiang, null, "曾为同事"))).Should().ThrowAsync<ValidationException>();

        refused.Which.Errors.Should().ContainKey($"Conflicts[{_zhaoqiang}].Kind");
        (await DeclarationsAsync()).Should().Be(0);
    }

    [Test]
    public async Task AcceptPledge_WithAConflictWithSomeoneNotBeforeTheCommittee_IsRefused()
    {
        await SeatCommitteeAsync();

        var refused = await FluentActions.Awaiting(() => AcceptAsync("expert5", true, new ConflictInput(Guid.NewGuid(), ConflictKind.Relative, null))).Should().ThrowAsync<ValidationException>();

        refused.Which.Errors.Should().ContainKey("Conflicts");
    }

    [Test]
    public async Task AcceptPledge_WithADeclaredConflict_ListsThatCandidateAsRecusedWithTheReason()
    {
        await SeatCommitteeAsync();

        await AcceptAsync("expert5", true, new ConflictInput(_zhaoqiang, ConflictKind.OtherRelation, "曾为同一单位同事"));
        var home = await HomeAsync("expert5");

        home.PledgeRequired.Should().BeFalse();
        home.Assigned.Select(a => a.Candidate.ApplicationId).Should().Equal(_lihua);
        home.Recused.Should().ContainSingle().Which.Should().Match<RecusedCandidate>(r => r.Candidate.ApplicationId == _zhaoqiang && r.ReasonText == "本人申报回避");
    }

    [Test]
    public async Task AcceptPledge_Twice_IsRefused()
    {
        await SeatCommitteeAsync();
        await AcceptAsync("expert1", true);

        await FluentActions.Awaiting(() => AcceptAsync("expert1", true)).Should().ThrowAsync<DomainException>();
    }

    [Test]
    public async Task DeclareConflicts_AfterThePledge_AddsToTheEarlierOnes()
    {
        await SeatCommitteeAsync();
        await AcceptAsync("expert2", true, new ConflictInput(_lihua, ConflictKind.Relative, "表亲"));

        var actor = await ActorAsync("expert2");
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<DeclareConflicts, int>>()
            .HandleAsync(new DeclareConflicts(Year, [new ConflictInput(_zhaoqiang, ConflictKind.OtherRelation, null)], actor)));
        var pledge = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetExpertPledge, ExpertPledgeView>>().HandleAsync(new GetExpertPledge(Year, actor)));

        pledge.Declared.Select(d => (d.ApplicationId, d.Kind)).Should().BeEquivalentTo([(_lihua, ConflictKind.Relative), (_zhaoqiang, ConflictKind.OtherRelation)]);
    }

    [Test]
    public async Task Home_BeforeThePledge_AsksForIt()
    {
        await SeatCommitteeAsync();

        var home = await HomeAsync("expert1");

        home.PledgeRequired.Should().BeTrue();
        home.Assigned.Should().BeEmpty();
    }

    [Test]
    public async Task Home_ForTheExpertFromTheCandidatesUnit_ListsThatCandidateAsRecusedByOwnUnit()
    {
        await SeatCommitteeAsync();
        await PledgeAsync(QiannanExpert);

        var home = await HomeAsync(QiannanExpert);

        home.Assigned.Select(a => a.Candidate.ApplicationId).Should().Equal(_zhaoqiang);
        home.Recused.Should().ContainSingle().Which.Should().Match<RecusedCandidate>(r => r.Candidate.ApplicationId == _lihua && r.Reason == RecusalReason.OwnUnit);
    }

    [Test]
    public async Task Home_ForAnExpertInTheSeniorGroup_ListsOnlySeniors()
    {
        await SeatCommitteeAsync(new Dictionary<string, TitleLevel> { ["expert3"] = TitleLevel.Senior });
        await PledgeAsync("expert3");

        var home = await HomeAsync("expert3");

        home.Assigned.Select(a => a.Candidate.ApplicationId).Should().Equal(_zhaoqiang);
        home.LevelGroupName.Should().Be(TitleLevels.DisplayName(TitleLevel.Senior));
    }

    [Test]
    public async Task OpenAssignedDossier_ForAnAssignedExpert_ShowsItWithTheEarlierResultsAndRecordsTheOpening()
    {
        await SeatCommitteeAsync();
        await PledgeAsync("expert1");

        var opened = await OpenAsync("expert1", _lihua);

        opened.PledgeYear.Should().BeNull();
        opened.View!.Dossier.ApplicantName.Should().Be("李华");
        opened.View.Dossier.Attachments.Should().NotBeEmpty();
        opened.View.SpotCheck.Should().Be("未抽中抽查复核");
        opened.View.MayWriteOpinion.Should().BeTrue();
        var openings = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DossierOpenings.ToListAsync());
        openings.Should().ContainSingle().Which.Should().Match<DossierOpening>(o => o.ExpertId == Experts["expert1"] && o.ApplicationId == _lihua && o.Kind == DossierOpeningKind.Dossier);
    }

    [Test]
    public async Task OpenAssignedDossier_BeforeThePledge_AsksForItAndRecordsNothing()
    {
        await SeatCommitteeAsync();

        var opened = await OpenAsync("expert1", _lihua);

        opened.Should().Be(new AssignedDossierOpened(null, Year));
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DossierOpenings.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task OpenAssignedDossier_ForTheExpertFromTheCandidatesUnit_IsNotFound()
    {
        await SeatCommitteeAsync();
        await PledgeAsync(QiannanExpert);

        await FluentActions.Awaiting(() => OpenAsync(QiannanExpert, _lihua)).Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task OpenAssignedDossier_ForAnExpertWithADeclaredConflict_IsNotFound()
    {
        await SeatCommitteeAsync();
        await PledgeAsync("expert5", _zhaoqiang);

        await FluentActions.Awaiting(() => OpenAsync("expert5", _zhaoqiang)).Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task OpenAssignedDossier_ForAnExpertNotReviewingTheLevel_IsNotFound()
    {
        await SeatCommitteeAsync(new Dictionary<string, TitleLevel> { ["expert3"] = TitleLevel.Senior });
        await PledgeAsync("expert3");

        await FluentActions.Awaiting(() => OpenAsync("expert3", _lihua)).Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task OpenAssignedDossier_ForAnExpertWithoutASeat_IsNotFound()
    {
        await FluentActions.Awaiting(() => OpenAsync("expert1", _lihua)).Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task OpenAttachment_ForAnAssignedExpert_ServesTheScanAndLogsIt_AndForARecusedOneIsNotFound()
    {
        await SeatCommitteeAsync();
        await PledgeAsync("expert1");
        await PledgeAsync(QiannanExpert);
        var scan = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DossierAttachments.Where(a => a.ApplicationId == _lihua).Select(a => a.Id).FirstAsync());

        await OpenScanAsAsync("expert1", scan);
        var recused = FluentActions.Awaiting(() => OpenScanAsAsync(QiannanExpert, scan));

        await recused.Should().ThrowAsync<NotFoundException>();
        var openings = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DossierOpenings.ToListAsync());
        openings.Should().ContainSingle().Which.Should().Match<DossierOpening>(o => o.Kind == DossierOpeningKind.Scan && o.AttachmentId == scan && o.ExpertId == Experts["expert1"]);
    }

    [Test]
    public async Task WriteOpinion_WhileBeforeTheCommittee_SavesAndThenRevisesIt()
    {
        await SeatCommitteeAsync();
        await PledgeAsync("expert1");

        await WriteAsync("expert1", _lihua, "材料齐全，业绩突出。", OpinionRecommendation.Recommend);
        await WriteAsync("expert1", _lihua, "论文数量偏少。", OpinionRecommendation.Undecided);

        var opinion = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ExpertOpinions.SingleAsync());
        opinion.Text.Should().Be("论文数量偏少。");
        opinion.Recommendation.Should().Be(OpinionRecommendation.Undecided);
        (await HomeAsync("expert1")).Assigned.Single(a => a.Candidate.ApplicationId == _lihua).Opinion.Should().Be(OpinionRecommendation.Undecided);
    }

    [Test]
    public async Task WriteOpinion_WithoutTextOrRecommendation_IsRefusedOnBothFields()
    {
        await SeatCommitteeAsync();
        await PledgeAsync("expert1");

        var refused = await FluentActions.Awaiting(() => WriteAsync("expert1", _lihua, " ", null)).Should().ThrowAsync<ValidationException>();

        refused.Which.Errors.Keys.Should().BeEquivalentTo([nameof(WriteOpinion.Text), nameof(WriteOpinion.Recommendation)]);
    }

    [Test]
    public async Task WriteOpinion_AfterTheCommitteeDecided_IsRefusedButTheDossierStillReads()
    {
        await SeatCommitteeAsync();
        await PledgeAsync("expert1");
        await WriteAsync("expert1", _lihua, "同意推荐。", OpinionRecommendation.Recommend);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var instance = await db.WorkflowInstances.SingleAsync(i => i.SubjectId == _lihua);
            db.WorkflowJournal.Add(Domain.Workflows.WorkflowJournalEntry.Record(instance.Id, "Created", "publish", "OnCommitteeList", Domain.Workflows.WorkflowActor.Clock, null, Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            await db.WorkflowInstances.Where(i => i.Id == instance.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, "CommitteePassed"));
        });

        var refused = FluentActions.Awaiting(() => WriteAsync("expert1", _lihua, "改为待议。", OpinionRecommendation.Undecided));
        var opened = await OpenAsync("expert1", _lihua);

        (await refused.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<OpinionOnlyWhileBeforeCommitteeRule>();
        opened.View!.MayWriteOpinion.Should().BeFalse();
        opened.View.Opinion!.Text.Should().Be("同意推荐。");
    }

    [Test]
    public async Task DossierOpenings_ForTheOffice_ListTheOpeningsFilteredByExpertAndTheOpinions()
    {
        await SeatCommitteeAsync();
        await PledgeAsync("expert1");
        await PledgeAsync("expert2");
        await OpenAsync("expert1", _lihua);
        await OpenAsync("expert1", _zhaoqiang);
        await OpenAsync("expert2", _lihua);
        await WriteAsync("expert2", _lihua, "同意推荐。", OpinionRecommendation.Recommend);
        var office = await ActorAsync("office");

        var all = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossierOpenings, DossierOpeningsView>>().HandleAsync(new GetDossierOpenings(Year, null, null, null, office)));
        var expert1 = await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossierOpenings, DossierOpeningsView>>().HandleAsync(new GetDossierOpenings(Year, null, Experts["expert1"], null, office)));

        all.Openings.TotalCount.Should().Be(3);
        all.Experts.Should().HaveCount(2);
        all.Candidates.Select(c => c.Name).Should().BeEquivalentTo(["李华", "赵强"]);
        all.Opinions.Should().ContainSingle().Which.RecommendationName.Should().Be("同意推荐");
        expert1.Openings.Items.Select(o => o.ApplicantName).Should().BeEquivalentTo(["李华", "赵强"]);
        expert1.Opinions.Should().BeEmpty();
    }

    [Test]
    public async Task DossierOpenings_ForAnExpert_IsForbidden()
    {
        var expert = await ActorAsync("expert1");

        await FluentActions.Awaiting(() => InScopeAsync(sp => sp.GetRequiredService<IHandler<GetDossierOpenings, DossierOpeningsView>>().HandleAsync(new GetDossierOpenings(Year, null, null, null, expert))))
            .Should().ThrowAsync<ForbiddenAccessException>();
    }

    private async Task<Guid> AcceptAsync(string expert, bool accepted, params ConflictInput[] conflicts)
    {
        var actor = await ActorAsync(expert);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<AcceptPledge, Guid>>().HandleAsync(new AcceptPledge(Year, accepted, conflicts, actor)));
    }

    private async Task<ExpertHomeView> HomeAsync(string expert)
    {
        var actor = await ActorAsync(expert);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<GetExpertHome, ExpertHomeView>>().HandleAsync(new GetExpertHome(Year, actor)));
    }

    private async Task<AssignedDossierOpened> OpenAsync(string expert, Guid applicationId)
    {
        var actor = await ActorAsync(expert);
        return await InScopeAsync(sp => sp.GetRequiredService<IHandler<OpenAssignedDossier, AssignedDossierOpened>>().HandleAsync(new OpenAssignedDossier(applicationId, actor)));
    }

    private async Task OpenScanAsAsync(string expert, Guid attachmentId)
    {
        var actor = await ActorAsync(expert);
        await InScopeAsync(async sp =>
        {
            var opened = await sp.GetRequiredService<IHandler<OpenAttachment, OpenedAttachment>>().HandleAsync(new OpenAttachment(attachmentId, actor));
            await opened.Content.DisposeAsync();
        });
    }

    private async Task WriteAsync(string expert, Guid applicationId, string? text, OpinionRecommendation? recommendation)
    {
        var actor = await ActorAsync(expert);
        await InScopeAsync(sp => sp.GetRequiredService<IHandler<WriteOpinion, Guid>>().HandleAsync(new WriteOpinion(applicationId, text, recommendation, actor)));
    }

    private Task<int> DeclarationsAsync() => InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ExpertDeclarations.CountAsync());
}
