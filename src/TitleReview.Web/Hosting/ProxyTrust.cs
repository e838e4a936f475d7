using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TitleReview.Web.Hosting;

/// <summary>
/// Which proxies' <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Loopback
/// always (nginx on the same server); in a container network the proxy has its own address, so
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. <c>172.28.0.0/16</c>; one value or an array) and
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) name it. Anyone else's headers are ignored,
/// so a client cannot choose the address its rate limits and audit rows see.
/// </summary>
internal static class ProxyTrust
{
    public const string SectionName = "ForwardedHeaders";

    public static ForwardedHeadersOptions ForwardedHeadersOptions(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        };
        var section = configuration.GetSection(SectionName);
        foreach (var network in List(section.GetSection("KnownNetworks")))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"代理配置错误：{SectionName}:KnownNetworks 中的 “{network}” 不是网段（应如 172.28.0.0/16）。"));
        }

        foreach (var proxy in List(section.GetSection("KnownProxies")))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"代理配置错误：{SectionName}:KnownProxies 中的 “{proxy}” 不是 IP 地址。"));
        }

        return options;
    }

    /// <summary>A list given either as one value (<c>a, b</c>) or as an array (<c>KnownNetworks__0</c>, <c>__1</c>).</summary>
    private static IEnumerable<string> List(IConfigurationSection setting) =>
        new[] { setting.Value }.Concat(setting.GetChildren().Select(c => c.Value))
            .SelectMany(v => (v ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
