using System.Globalization;
using TitleReview.Domain.Time;

namespace TitleReview.Web.Hosting;

/// <summary>Beijing wall-clock times for <c>datetime-local</c> inputs.</summary>
internal static class BeijingInput
{
    public static string ToInput(DateTimeOffset instant) =>
        BeijingTime.ToBeijing(instant).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
