using TitleReview.Domain.Time;

namespace TitleReview.Domain.Tests.Time;

public class BeijingTimeTests
{
    [Test]
    public void FromBeijing_LastSecondOfAugust31_IsFourPmUtc()
    {
        var instant = BeijingTime.FromBeijing(new DateTime(2023, 8, 31, 23, 59, 59));

        instant.Should().Be(new DateTimeOffset(2023, 8, 31, 15, 59, 59, TimeSpan.Zero));
    }

    [Test]
    public void StartOfDay_September1_IsPreviousDayFourPmUtc()
    {
        BeijingTime.StartOfDay(new DateOnly(2023, 9, 1))
            .Should().Be(new DateTimeOffset(2023, 8, 31, 16, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void DateOf_UtcEveningIsNextBeijingDay()
    {
        var utcEvening = new DateTimeOffset(2023, 8, 31, 16, 0, 0, TimeSpan.Zero);

        BeijingTime.DateOf(utcEvening).Should().Be(new DateOnly(2023, 9, 1));
        BeijingTime.DateOf(utcEvening.AddTicks(-1)).Should().Be(new DateOnly(2023, 8, 31));
    }

    [Test]
    public void ToBeijing_HasPlusEightOffsetAllYear()
    {
        BeijingTime.ToBeijing(new DateTimeOffset(2023, 1, 15, 0, 0, 0, TimeSpan.Zero)).Offset.Should().Be(TimeSpan.FromHours(8));
        BeijingTime.ToBeijing(new DateTimeOffset(2023, 7, 15, 0, 0, 0, TimeSpan.Zero)).Offset.Should().Be(TimeSpan.FromHours(8));
    }

    [Test]
    public void Format_ShowsBeijingWallClock()
    {
        BeijingTime.Format(new DateTimeOffset(2023, 8, 31, 15, 59, 59, TimeSpan.Zero)).Should().Be("2023-08-31 23:59:59");
    }

    [Test]
    public void Zone_IsTheIanaShanghaiZone()
    {
        BeijingTime.Zone.Id.Should().Be("Asia/Shanghai");
    }
}
