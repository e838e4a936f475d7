using AutoMapper;
using Microsoft.Extensions.DependencyInjection;

namespace TitleReview.Application.Tests.Common;

public class MappingTests : ApplicationTestBase
{
    [Test]
    public void AutoMapperConfiguration_IsValid()
    {
        var mapper = Services.GetRequiredService<IMapper>();

        mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }
}
