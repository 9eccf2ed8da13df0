namespace Dstack.UrlGen.Tests.Client;

internal static class ErrorAssert
{
    /// <summary>The token appears nowhere: not in the message, the server message, inner exceptions or ToString().</summary>
    public static void NoToken(Exception error, string token = FakeDstackServer.Token)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(token, e.ToString());
            Assert.DoesNotContain(token, e.Message);
        }

        if (error is DstackApiException api && api.ServerMessage is not null)
        {
            Assert.DoesNotContain(token, api.ServerMessage);
        }
    }
}
