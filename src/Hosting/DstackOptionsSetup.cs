using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dstack.UrlGen.Hosting;

/// <summary>
/// Reads the <c>Dstack</c> section of the application's <see cref="IConfiguration"/>, if the host registered one.
/// Read by hand rather than with the reflection binder, so the package stays trimming and AOT clean, and so a value
/// that cannot be read becomes a validation message naming the setting instead of a binder exception.
/// </summary>
internal sealed class DstackOptionsSetup : IConfigureOptions<DstackOptions>
{
    private readonly IServiceProvider _services;

    // The provider, not IConfiguration: a plain ServiceCollection has no configuration, and then the dstack CLI's settings apply.
    public DstackOptionsSetup(IServiceProvider services) => _services = services;

    public void Configure(DstackOptions options)
    {
        var configuration = _services.GetService<IConfiguration>();
        if (configuration is null)
        {
            return;
        }

        Read(configuration.GetSection(DstackOptions.SectionName), options);
    }

    internal static void Read(IConfiguration section, DstackOptions options)
    {
        options.ServerUrl = Text(section, nameof(DstackOptions.ServerUrl)) ?? options.ServerUrl;
        options.Token = Text(section, nameof(DstackOptions.Token)) ?? options.Token;
        options.Project = Text(section, nameof(DstackOptions.Project)) ?? options.Project;
        options.EndpointCacheDuration = Duration(section, nameof(DstackOptions.EndpointCacheDuration), options) ?? options.EndpointCacheDuration;
        options.Timeout = Duration(section, nameof(DstackOptions.Timeout), options) ?? options.Timeout;
        string? insecure = Text(section, nameof(DstackOptions.AllowInsecureHttp));
        if (insecure is not null)
        {
            if (bool.TryParse(insecure, out bool allow))
            {
                options.AllowInsecureHttp = allow;
            }
            else
            {
                options.ConfigurationErrors.Add($"{Key(nameof(DstackOptions.AllowInsecureHttp))} is \"{insecure}\"; set it to true or false.");
            }
        }
    }

    private static string? Text(IConfiguration section, string name)
    {
        string? value = section[name];
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    private static TimeSpan? Duration(IConfiguration section, string name, DstackOptions options)
    {
        string? value = Text(section, name);
        if (value is null)
        {
            return null;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration))
        {
            return duration;
        }

        options.ConfigurationErrors.Add($"{Key(name)} is \"{value}\", which is not a time span; write it as hh:mm:ss, such as 00:01:00.");
        return null;
    }

    internal static string Key(string name) => DstackOptions.SectionName + ":" + name;
}
