namespace Verkstallighet.Architecture.Tests.Support;

/// <summary>The repository this test assembly was built from, read from its source files.</summary>
public static class Repository
{
    private const string SolutionFile = "Verkstallighet.Workflows.sln";

    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds the solution file.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The C# files under <paramref name="folder"/> (relative to the root), build output excluded.</summary>
    public static IReadOnlyList<SourceFile> CSharpFiles(string folder)
    {
        var start = Path.Combine(Root, folder);
        return Directory.EnumerateFiles(start, "*.cs", SearchOption.AllDirectories)
            .Select(RelativePath)
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, File.ReadAllText(Path.Combine(Root, path))))
            .ToList();
    }

    /// <summary>The file at <paramref name="path"/> (relative to the root).</summary>
    public static SourceFile Read(string path) =>
        new(path, File.ReadAllText(Path.Combine(Root, path)));

    private static string RelativePath(string fullPath) =>
        Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private static bool IsBuildOutput(string path) =>
        path.Split('/').Any(segment => segment is "bin" or "obj" or "node_modules");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds {SolutionFile}.");
    }
}
