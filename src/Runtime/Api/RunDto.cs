using System.Text.Json.Serialization;

namespace Dstack.UrlGen.Api;

// The subset of dstack's Run model the client reads; every other field of the (large) run object is skipped.

/// <summary>A run as <c>/api/runs/list</c> and <c>/api/project/{project}/runs/get</c> return it.</summary>
internal sealed class RunDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("project_name")]
    public string? ProjectName { get; set; }

    /// <summary>Kept as the server's text: it goes back unchanged as <c>prev_submitted_at</c> when paging.</summary>
    [JsonPropertyName("submitted_at")]
    public string? SubmittedAt { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("run_spec")]
    public RunSpecDto? RunSpec { get; set; }

    /// <summary>Null for a run that is not a service.</summary>
    [JsonPropertyName("service")]
    public ServiceDto? Service { get; set; }
}

/// <summary><c>run.run_spec</c>.</summary>
internal sealed class RunSpecDto
{
    [JsonPropertyName("run_name")]
    public string? RunName { get; set; }

    [JsonPropertyName("configuration")]
    public RunConfigurationDto? Configuration { get; set; }
}

/// <summary><c>run.run_spec.configuration</c>; only its type (<c>service</c>, <c>dev-environment</c>, <c>task</c>) is read.</summary>
internal sealed class RunConfigurationDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

/// <summary><c>run.service</c>.</summary>
internal sealed class ServiceDto
{
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Null for a service without a model.</summary>
    [JsonPropertyName("model")]
    public ServiceModelDto? Model { get; set; }
}

/// <summary><c>run.service.model</c>.</summary>
internal sealed class ServiceModelDto
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("base_url")]
    public string? BaseUrl { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
