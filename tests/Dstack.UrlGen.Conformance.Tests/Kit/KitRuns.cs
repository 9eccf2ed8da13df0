namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>The projects, users, runs and models the suite creates on the kit's server (names used by the checks and the [DstackModel] declarations).</summary>
public static class KitRuns
{
    public const string MainProject = "main";

    /// <summary>A project the admin owns, with <see cref="Member"/> in it and <see cref="Outsider"/> not.</summary>
    public const string PrivateProject = "conf-private";

    /// <summary>A project with more than one page (100) of active runs.</summary>
    public const string PagingProject = "conf-paging";

    public const string Member = "conf-member";
    public const string Outsider = "conf-outsider";

    /// <summary>Running, served; <c>model: conf/chat-model</c> (the string form).</summary>
    public const string ChatRun = "conf-chat";
    public const string ChatModel = "conf/chat-model";

    /// <summary>Running, served; the object form of <c>model:</c> with a custom <c>prefix: /custom/v1</c>.</summary>
    public const string ObjectRun = "conf-object";
    public const string ObjectModel = "conf/object-model";
    public const string ObjectPrefix = "/custom/v1";

    /// <summary>Running, served; a TGI model, which dstack 0.21.2 reports with the deprecated <c>/proxy/models/{project}/</c> base_url.</summary>
    public const string TgiRun = "conf-tgi";
    public const string TgiModel = "conf/tgi-model";

    /// <summary>A running service without <c>model:</c>.</summary>
    public const string NoModelRun = "conf-nomodel";

    /// <summary>A running task (<c>service</c> is null).</summary>
    public const string TaskRun = "conf-task";

    /// <summary>A service with a model, set to provisioning.</summary>
    public const string ProvisioningRun = "conf-prov";
    public const string ProvisioningModel = "conf/prov-model";

    /// <summary>A service with a model, set to failed (not active: runs/list leaves it out).</summary>
    public const string FailedRun = "conf-failed";
    public const string FailedModel = "conf/failed-model";

    /// <summary>A model whose run goes away during the cache check and comes back as <see cref="MovedRun"/>.</summary>
    public const string MovingRun = "conf-move-a";
    public const string MovedRun = "conf-move-b";
    public const string MovingModel = "conf/moving-model";

    /// <summary>Running, served, in <see cref="PrivateProject"/>.</summary>
    public const string PrivateRun = "conf-private-svc";
    public const string PrivateModel = "conf/private-model";

    /// <summary>The oldest run of <see cref="PagingProject"/>, running, behind <see cref="PagingFillers"/> newer runs.</summary>
    public const string OldestRun = "conf-oldest";
    public const string OldestModel = "conf/oldest-model";
    public const int PagingFillers = 104;

    /// <summary>A project whose only model runs without a served replica: dstack's proxy answers 404 for it.</summary>
    public const string UnservedProject = "conf-unserved";
    public const string UnservedRun = "conf-unserved-svc";
    public const string UnservedModel = "conf/unserved-model";

    /// <summary>
    /// The project the WebApi sample runs against with its declared models: the service of its
    /// <c>samples/WebApi/qwen36.dstack.yml</c> (run and model as in that file) runs and is served; its
    /// <c>[DstackModel]</c> Llama has no run here.
    /// </summary>
    public const string WebApiProject = "conf-webapi";
    public const string WebApiRun = "qwen36";
    public const string WebApiModel = "Qwen/Qwen3.6-27B";

    public const string UnknownRun = "conf-no-such-run";
    public const string UnknownModel = "conf/no-such-model";
    public const string UnknownProject = "conf-no-such-project";
}
