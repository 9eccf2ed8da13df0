namespace Dstack.UrlGen;

/// <summary>One check per declared model: which of them the dstack server shows as running.</summary>
public sealed class DstackVerificationReport
{
    /// <summary>Creates a report from its checks.</summary>
    /// <param name="checks">One check per declared model, in declaration order.</param>
    public DstackVerificationReport(IReadOnlyList<DstackModelCheck> checks)
        => Checks = checks ?? throw new ArgumentNullException(nameof(checks));

    /// <summary>One check per declared model, in declaration order.</summary>
    public IReadOnlyList<DstackModelCheck> Checks { get; }

    /// <summary>True when every declared model is running.</summary>
    public bool IsSuccess => Checks.All(c => c.State == DstackModelState.Running);

    /// <summary>Throws when a declared model is not running, listing every failed model on a line of its own.</summary>
    /// <exception cref="DstackModelUnavailableException">At least one declared model is not running.</exception>
    public void EnsureSuccess()
    {
        var failed = Checks.Where(c => c.State != DstackModelState.Running).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        var message = $"{failed.Count} of {Checks.Count} declared dstack model(s) are not available:"
            + string.Concat(failed.Select(c => Environment.NewLine + "  - " + c.Message));
        var single = failed.Count == 1 ? failed[0] : null;
        throw new DstackModelUnavailableException(message, serverUrl: null, project: single?.Model.Project, runStatus: single?.RunStatus);
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Join(Environment.NewLine, Checks.Select(c => $"{c.State,-10} {c.Message}"));
}
