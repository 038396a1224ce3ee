using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

// usage: LinkTools.ModuleLoadProbe <module folder>
// Prints one JSON object describing where the engine and its AngleSharp were loaded from; exits 1 on any failure.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: LinkTools.ModuleLoadProbe <module folder>");
    return 2;
}

try
{
    Console.WriteLine(JsonSerializer.Serialize(Probe.Run(Path.GetFullPath(args[0])), new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine(e);
    return 1;
}

internal static class Probe
{
    private const string Html = """
        <html><body>
        <a href="a.html">A</a>
        <img src="/img/logo.png" alt="">
        <!-- <a href="in-comment.html">not a link</a> -->
        <template><a href="in-template.html">not a link</a></template>
        <a href="http://127.0.0.2:8080/other">other host</a>
        </body></html>
        """;

    public static Dictionary<string, object?> Run(string moduleFolder)
    {
        // Another module got there first: its AngleSharp is in the default context before LinkTools is imported.
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<p>another module</p>");
        var otherAngleSharp = typeof(AngleSharp.Html.Parser.HtmlParser).Assembly;

        // Import-Module: PowerShell loads the root module by path, then runs its IModuleAssemblyInitializer, which
        // hands over to the resolver. Then Remove-Module and a second Import-Module, and imports in two runspaces of
        // which one removes the module again: none of them may make a second context or engine, and the runspace
        // still holding the module must still resolve it.
        var module = Assembly.LoadFrom(Path.Combine(moduleFolder, "LinkTools.PowerShell.dll"));
        var resolver = module.GetType("LinkTools.PowerShell.Loading.EngineAssemblyResolver", throwOnError: true)!;
        const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        var register = resolver.GetMethod("Register", Static)!;
        var unregister = resolver.GetMethod("Unregister", Static)!;
        register.Invoke(null, new object[] { moduleFolder });
        unregister.Invoke(null, null);
        register.Invoke(null, new object[] { moduleFolder });
        register.Invoke(null, new object[] { moduleFolder });
        unregister.Invoke(null, null);

        // A cmdlet's method body: the JIT binds the module's LinkTools.Core reference with the module assembly as the
        // requester (this helper reads the CI environment through the engine). The module's context then holds
        // whichever copy that binding chose.
        module.GetType("LinkTools.PowerShell.CiIntegration", throwOnError: true)!
            .GetMethod("DetectCi", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!
            .Invoke(null, null);
        var moduleContext = AssemblyLoadContext.GetLoadContext(module)!;
        var core = moduleContext.LoadFromAssemblyName(Reference(module, "LinkTools.Core"));
        var model = moduleContext.LoadFromAssemblyName(Reference(module, "LinkTools.Model"));

        // The engine at work on AngleSharp: link extraction.
        var extract = core.GetType("LinkTools.Core.Crawling.LinkExtractor", throwOnError: true)!
            .GetMethod("Extract", new[] { typeof(string), typeof(Uri) })!;
        var page = extract.Invoke(null, new object[] { Html, new Uri("http://127.0.0.1/dir/page.html") })!;
        var links = ((System.Collections.IEnumerable)Property(page, "Links")!).Cast<object>()
            .Select(link => Property(link, "Target")?.ToString())
            .ToArray();

        // The engine making a result type: it must be the cmdlets' type (one identity), or Invoke rejects the enum.
        var failureKind = Enum.Parse(model.GetType("LinkTools.Model.Checking.FailureKind", throwOnError: true)!, "InvalidUrl");
        var result = core.GetType("LinkTools.Core.Checking.LinkChecker", throwOnError: true)!
            .GetMethod("Skipped")!.Invoke(null, new object[] { "http://127.0.0.1/x", failureKind, "probe" })!;

        var engineContext = AssemblyLoadContext.GetLoadContext(core)!;
        var engineAngleSharp = engineContext.LoadFromAssemblyName(Reference(core, "AngleSharp"));
        return new Dictionary<string, object?>
        {
            ["engineLocation"] = core.Location,
            ["engineContext"] = engineContext.Name,
            ["engineAngleSharpVersion"] = engineAngleSharp.GetName().Version!.ToString(),
            ["engineAngleSharpContext"] = AssemblyLoadContext.GetLoadContext(engineAngleSharp)!.Name,
            ["engineAngleSharpLocation"] = engineAngleSharp.Location,
            ["defaultAngleSharpVersion"] = DefaultContextCopy("AngleSharp")?.GetName().Version!.ToString(),
            ["otherModuleAngleSharpVersion"] = otherAngleSharp.GetName().Version!.ToString(),
            ["modelLocation"] = model.Location,
            ["modelContext"] = AssemblyLoadContext.GetLoadContext(model)!.Name,
            ["resultType"] = result.GetType().FullName,
            ["resultTypeIsTheCmdletsType"] = result.GetType().Assembly == model,
            ["resultStatus"] = Property(result, "Status")?.ToString(),
            ["links"] = links,
            ["defaultContextAskingForEngineAngleSharp"] = DefaultContextAnswer(engineAngleSharp.GetName()),
            ["isolatedAssemblies"] = engineContext.Assemblies.Select(a => a.GetName().Name).OrderBy(n => n, StringComparer.Ordinal).ToArray(),
            ["contextsNamedLinkTools"] = AssemblyLoadContext.All.Count(c => c.Name == "LinkTools"),
            ["engineCopiesLoaded"] = AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == "LinkTools.Core"),
        };
    }

    // Another module asking the default context for the engine's AngleSharp version must not be handed ours.
    private static string DefaultContextAnswer(AssemblyName name)
    {
        try
        {
            return AssemblyLoadContext.GetLoadContext(AssemblyLoadContext.Default.LoadFromAssemblyName(name))!.Name!;
        }
        catch (Exception e) when (e is FileNotFoundException || e is FileLoadException)
        {
            return "refused";
        }
    }

    private static AssemblyName Reference(Assembly assembly, string name) =>
        assembly.GetReferencedAssemblies().Single(r => r.Name == name);

    private static Assembly? DefaultContextCopy(string name) =>
        AssemblyLoadContext.Default.Assemblies.SingleOrDefault(a => a.GetName().Name == name);

    private static object? Property(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);
}
