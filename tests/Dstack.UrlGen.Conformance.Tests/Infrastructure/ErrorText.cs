namespace Dstack.UrlGen.Conformance.Tests;

internal static class ErrorText
{
    /// <summary>What every message of the package promises: no raw JSON, no token, one line.</summary>
    public static void AssertClean(Exception error, string? token)
    {
        Assert.DoesNotContain("{\"", error.Message);
        Assert.DoesNotContain("\"detail\"", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        if (token is not null)
        {
            for (var e = error; e is not null; e = e.InnerException)
            {
                Assert.DoesNotContain(token, e.ToString());
            }
        }
    }
}
