namespace Dstack.UrlGen.Conformance.Tests;

// [DstackModel] declarations compiled by the package's own generator (an analyzer reference of this project):
// their accessors and DstackModelCatalog are what the checks call. One per way a model is declared and served.

/// <summary>By run name only: one runs/get.</summary>
[DstackModel(KitRuns.ChatModel, Run = KitRuns.ChatRun)]
public static partial class ChatByRun
{
}

/// <summary>By model name only, served under a custom prefix (<c>/custom/v1</c>).</summary>
[DstackModel(KitRuns.ObjectModel)]
public static partial class ObjectByName
{
}

/// <summary>With a project other than the client's.</summary>
[DstackModel(KitRuns.PrivateModel, Project = KitRuns.PrivateProject)]
public static partial class PrivateByProject
{
}

/// <summary>A TGI model: dstack reports the deprecated <c>/proxy/models/main/</c> base_url for it.</summary>
[DstackModel(KitRuns.TgiModel, Run = KitRuns.TgiRun)]
public static partial class TgiByRun
{
}

/// <summary>The deprecated <c>/proxy/models/{project}/</c> form declared at compile time: dstack routes by the model name in the body.</summary>
[DstackModel(KitRuns.ChatModel, BaseUrl = "/proxy/models/main/")]
public static partial class ChatThroughModelsRoute
{
}

/// <summary>A model whose run goes away and comes back under another run name.</summary>
[DstackModel(KitRuns.MovingModel)]
public static partial class MovingByName
{
}

/// <summary>Provisioning: NotRunning.</summary>
[DstackModel(KitRuns.ProvisioningModel, Run = KitRuns.ProvisioningRun)]
public static partial class ProvisioningByRun
{
}

/// <summary>Failed, so not among the active runs: NotFound by name.</summary>
[DstackModel(KitRuns.FailedModel)]
public static partial class FailedByName
{
}

/// <summary>A running service without a model: NoModel.</summary>
[DstackModel("conf/none", Run = KitRuns.NoModelRun)]
public static partial class NoModelByRun
{
}

/// <summary>A task: NoModel.</summary>
[DstackModel("conf/task", Run = KitRuns.TaskRun)]
public static partial class TaskByRun
{
}

/// <summary>A run that does not exist: NotFound.</summary>
[DstackModel(KitRuns.ChatModel, Run = KitRuns.UnknownRun)]
public static partial class UnknownRunDeclared
{
}

/// <summary>A model that no run serves: NotFound.</summary>
[DstackModel(KitRuns.UnknownModel)]
public static partial class UnknownModelDeclared
{
}

/// <summary>A project that does not exist: NotFound, naming the project.</summary>
[DstackModel(KitRuns.ChatModel, Project = KitRuns.UnknownProject)]
public static partial class UnknownProjectDeclared
{
}
