using System.Text.Json.Serialization;

namespace Dstack.UrlGen.Api;

/// <summary>The body of <c>POST /api/runs/list</c>.</summary>
internal sealed class ListRunsRequest
{
    /// <summary>dstack's largest page.</summary>
    public const int PageSize = 100;

    [JsonPropertyName("project_name")]
    public string ProjectName { get; set; } = string.Empty;

    [JsonPropertyName("only_active")]
    public bool OnlyActive { get; set; } = true;

    [JsonPropertyName("limit")]
    public int Limit { get; set; } = PageSize;

    /// <summary>The <c>submitted_at</c> of the previous page's last run; absent on the first page.</summary>
    [JsonPropertyName("prev_submitted_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrevSubmittedAt { get; set; }

    /// <summary>The <c>id</c> of the previous page's last run; absent on the first page.</summary>
    [JsonPropertyName("prev_run_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrevRunId { get; set; }
}

/// <summary>The body of <c>POST /api/project/{project}/runs/get</c>.</summary>
internal sealed class GetRunRequest
{
    [JsonPropertyName("run_name")]
    public string RunName { get; set; } = string.Empty;
}

/// <summary>The empty body of a request that takes its arguments from the path (<c>projects/{project}/get</c>).</summary>
internal sealed class EmptyRequest
{
}

/// <summary>A project as <c>/api/projects/{project}/get</c> returns it; only its name is read.</summary>
internal sealed class ProjectDto
{
    [JsonPropertyName("project_name")]
    public string? ProjectName { get; set; }
}
