using System.Text.Json.Serialization;

namespace LinkTools.Core.Monitoring.Persistence
{
    /// <summary>
    /// The watch state's JSON, generated at compile time: no reflection or runtime code, so it also works in the
    /// natively compiled CLI. Enums as names, so the file reads as it did with the reflection serializer.
    /// </summary>
    [JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
    [JsonSerializable(typeof(WatchStateDocument))]
    internal sealed partial class WatchStateJson : JsonSerializerContext
    {
    }
}
