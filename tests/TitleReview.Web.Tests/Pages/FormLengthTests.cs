using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TitleReview.Application.Applicants.RegisterApplicant;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Campaigns.CreateCampaign;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units.RegisterUnit;
using TitleReview.Domain.Time;
using TitleReview.Domain.Workflows;
using TitleReview.Web.Tests.Infrastructure;

namespace TitleReview.Web.Tests.Pages;

/// <summary>The browser's length limit is the one the command enforces, written once as a constant.</summary>
public partial class FormLengthTests
{
    private TitleReviewFactory _factory = null!;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new TitleReviewFactory(clock: new FakeTimeProvider(BeijingTime.FromBeijing(new DateTime(2023, 7, 17, 9, 0, 0))));
        using var scope = _factory.Services.CreateScope();
        var timeline = TimelineDocument.Parse(scope.ServiceProvider.GetRequiredService<ITimelineFiles>().Read(2023));
        await scope.ServiceProvider.GetRequiredService<IHandler<CreateCampaignFromTimeline, Guid>>()
            .HandleAsync(new CreateCampaignFromTimeline(timeline, new WorkflowActor("test", "测试", ["Office"])));
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public async Task UnitRegistrationForm_WhenRendered_CarriesTheCommandsMaxLengths()
    {
        var html = await _factory.CreateClient().GetStringAsync("/Units/Register");

        MaxLength(html, "Input_UnitName").Should().Be(RegisterUnit.MaxNameLength);
        MaxLength(html, "Input_SupervisingDepartment").Should().Be(RegisterUnit.MaxNameLength);
        MaxLength(html, "Input_AuditorName").Should().Be(RegisterUnit.MaxShortText);
        MaxLength(html, "Input_FillerName").Should().Be(RegisterUnit.MaxShortText);
        html.Should().Contain("<label for=\"Input_UnitName\">申报单位规范名称</label>");
    }

    [Test]
    public async Task ApplicantRegistrationForm_WhenRendered_CarriesTheCommandsNameLength()
    {
        var html = await _factory.CreateClient().GetStringAsync("/Account/Register");

        MaxLength(html, "Input_Name").Should().Be(RegisterApplicant.MaxNameLength);
        html.Should().Contain("<label for=\"Input_Name\">姓名</label>");
    }

    private static int? MaxLength(string html, string id)
    {
        var input = Regex.Match(html, $"<input[^>]*\\bid=\"{id}\"[^>]*>");
        input.Success.Should().BeTrue($"the form has an input {id}");
        var maxLength = MaxLengthAttribute().Match(input.Value);
        return maxLength.Success ? int.Parse(maxLength.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex("\\bmaxlength=\"(\\d+)\"")]
    private static partial Regex MaxLengthAttribute();
}
