using TitleReview.Application.Common.Exceptions;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Integrity;

internal static class IntegrityAccess
{
    public static void RequireOffice(WorkflowActor actor)
    {
        if (!actor.Roles.Contains(Roles.Office))
        {
            throw new ForbiddenAccessException("只有省政工职评办工作人员可以查看和维护诚信档案及诚信负面清单。");
        }
    }
}
