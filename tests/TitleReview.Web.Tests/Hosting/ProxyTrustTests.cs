using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TitleReview.Web.Hosting;

namespace TitleReview.Web.Tests.Hosting;

/// <summary>Forwarded headers are believed from the configured proxy network only.</summary>
public class ProxyTrustTests
{
    [TestCase("172.28.0.5", "203.0.113.9")]
    [TestCase("127.0.0.1", "203.0.113.9")]
    [TestCase("10.9.9.9", "10.9.9.9")]
    public async Task ClientAddress_ComesFromTheHeaderOnlyWhenTheProxyIsTrusted(string proxy, string seen)
    {
        var options = ProxyTrust.ForwardedHeadersOptions(Configuration(("ForwardedHeaders:KnownNetworks", "172.28.0.0/16")));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(proxy);
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, Options.Create(options));

        await middleware.Invoke(context);

        context.Connection.RemoteIpAddress.Should().Be(IPAddress.Parse(seen));
    }

    [Test]
    public void KnownNetworks_MayBeGivenAsAnArray_AsTheComposeFileDoes()
    {
        var options = ProxyTrust.ForwardedHeadersOptions(Configuration(("ForwardedHeaders:KnownNetworks:0", "172.30.80.0/24"), ("ForwardedHeaders:KnownNetworks:1", "10.5.0.0/16")));

        options.KnownIPNetworks.Should().Contain([System.Net.IPNetwork.Parse("172.30.80.0/24"), System.Net.IPNetwork.Parse("10.5.0.0/16")]);
    }

    [Test]
    public void KnownProxies_AreTrustedOneByOne()
    {
        var options = ProxyTrust.ForwardedHeadersOptions(Configuration(("ForwardedHeaders:KnownProxies", "10.0.0.2, 10.0.0.3")));

        options.KnownProxies.Should().Contain([IPAddress.Parse("10.0.0.2"), IPAddress.Parse("10.0.0.3")]);
    }

    [TestCase("ForwardedHeaders:KnownNetworks", "172.28.0.0/99", "不是网段")]
    [TestCase("ForwardedHeaders:KnownProxies", "proxy.local", "不是 IP 地址")]
    public void AMistypedSetting_StopsStartUpNamingIt(string key, string value, string message)
    {
        var read = () => ProxyTrust.ForwardedHeadersOptions(Configuration((key, value)));

        read.Should().Throw<InvalidOperationException>().WithMessage($"*{key}*{value}*{message}*");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
