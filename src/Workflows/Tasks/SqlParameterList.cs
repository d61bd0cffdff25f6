using Npgsql;
using NpgsqlTypes;

namespace Verkstallighet.Workflows.Tasks;

/// <summary>The parameters of one SQL statement as it is written: each value added gets the next name, p0, p1, ….</summary>
internal sealed class SqlParameterList
{
    private readonly List<NpgsqlParameter> _parameters = [];

    /// <summary>Adds <paramref name="value"/> (null as SQL NULL) and returns its placeholder, e.g. <c>@p0</c>.</summary>
    public string Add(object? value, NpgsqlDbType type)
    {
        var name = $"p{_parameters.Count}";
        _parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return "@" + name;
    }

    public NpgsqlParameter[] ToArray() => [.. _parameters];
}
