using System.Globalization;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Domain.Time;

namespace TitleReview.Web.Hosting;

/// <summary>Beijing wall-clock times for <c>datetime-local</c> inputs.</summary>
internal static class BeijingInput
{
    public static string ToInput(DateTimeOffset instant) =>
        BeijingTime.ToBeijing(instant).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// A typed Beijing time as an instant; years far from now are typing mistakes (and year 1
    /// cannot even be converted to UTC), so they are refused as a field message.
    /// </summary>
    public static DateTimeOffset FromInput(DateTime beijing, string field, string label) =>
        beijing.Year is >= 2000 and <= 2100
            ? BeijingTime.FromBeijing(beijing)
            : throw new ValidationException(field, $"{label}须在 2000 年至 2100 年之间。");

    /// <summary>An API's Beijing time, <c>yyyy-MM-ddTHH:mm:ss</c>; null when left out.</summary>
    public static DateTimeOffset? FromApiText(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? FromInput(local, field, label)
            : throw new ValidationException(field, $"{label}须为北京时间 yyyy-MM-ddTHH:mm:ss。");
    }
}
