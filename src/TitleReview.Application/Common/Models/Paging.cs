namespace TitleReview.Application.Common.Models;

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>The last page that can be skipped to without the offset overflowing.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
