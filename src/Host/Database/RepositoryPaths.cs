namespace Verkstallighet.Host.Database;

/// <summary>Where the checkout is: the folder with the solution file, found from the working directory upwards.</summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "Verkstallighet.Workflows.sln";

    public static string Root(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return start;
    }
}
