using TitleReview.Application.Common.Exceptions;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Common;

/// <summary>
/// Who may read what the office reads: office staff and the discipline inspectors (纪检监察, ADR 52).
/// The office's queries ask this; its commands keep asking for the office alone.
/// </summary>
public static class OfficeReaders
{
    public const string Message = "只有省政工职评办工作人员和纪检监察人员可以查看。";

    public static void Require(WorkflowActor actor)
    {
        if (!actor.ReadsAsOffice)
        {
            throw new ForbiddenAccessException(Message);
        }
    }
}
