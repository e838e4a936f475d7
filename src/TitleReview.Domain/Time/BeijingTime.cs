namespace TitleReview.Domain.Time;

/// <summary>
/// China Standard Time (IANA <c>Asia/Shanghai</c>): every rule of the notice is written in it.
/// Instants are stored in UTC; these helpers turn them into Beijing wall-clock time and back.
/// </summary>
public static class BeijingTime
{
    public const string TimeZoneId = "Asia/Shanghai";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static TimeZoneInfo Zone { get; } = ResolveZone();

    public static DateTimeOffset ToBeijing(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Interprets a wall-clock time as Beijing time and returns the UTC instant.</summary>
    public static DateTimeOffset FromBeijing(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    /// <summary>The instant at which a Beijing calendar day begins (00:00:00 +08:00).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) =>
        FromBeijing(day.ToDateTime(TimeOnly.MinValue));

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(ToBeijing(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>Formats an instant for people: Beijing time, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        ToBeijing(instant).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo ResolveZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            // A host without tzdata: China has kept UTC+8 without daylight saving since 1991,
            // so a fixed zone gives the same answers for every date this system handles.
            return TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, Offset, "China Standard Time", "China Standard Time");
        }
    }
}
