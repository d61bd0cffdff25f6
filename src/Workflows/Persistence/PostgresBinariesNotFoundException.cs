namespace Verkstallighet.Workflows.Persistence;

public sealed class PostgresBinariesNotFoundException() : PostgresClusterException(
    "No PostgreSQL server binaries were found (initdb and pg_ctl), and no connection string is configured. Either install " +
    "PostgreSQL (on Debian: sudo apt-get install postgresql) or set POSTGRES_BIN to the folder that has initdb and pg_ctl, " +
    "or point ConnectionStrings__Workflows at an existing PostgreSQL server.");
