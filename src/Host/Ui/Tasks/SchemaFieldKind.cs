namespace Verkstallighet.Host.Ui.Tasks;

/// <summary>What kind of input a JSON Schema node (as <c>FormSchemas</c> exports a form type) asks for.</summary>
public enum SchemaFieldKind
{
    Text,
    Choice,
    Date,
    Boolean,
    Number,
    Integer,
    Table,
    TextList,
    Group,
}
