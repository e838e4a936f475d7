namespace TitleReview.Domain.Campaigns;

public enum WindowStatus
{
    Upcoming,
    Open,
    Closed,
}
