namespace Dstack.UrlGen.Api;

/// <summary>What a request asked the dstack server for, so that an error message can name it.</summary>
internal readonly struct ApiTarget
{
    public ApiTarget(string project, string? run)
    {
        Project = project;
        Run = run;
    }

    public string Project { get; }

    /// <summary>The run asked for by <c>runs/get</c>; null for <c>runs/list</c>.</summary>
    public string? Run { get; }

    public override string ToString()
        => Run is null ? $"the runs of project '{Project}'" : $"run '{Run}' of project '{Project}'";
}
