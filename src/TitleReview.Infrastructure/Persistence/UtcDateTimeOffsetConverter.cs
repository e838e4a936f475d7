using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TitleReview.Infrastructure.Persistence;

/// <summary>
/// Stores every instant as a UTC date-time. SQLite cannot compare or order DateTimeOffset
/// columns; a UTC date-time sorts and compares the same way on both providers.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    v => v.UtcDateTime,
    v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
