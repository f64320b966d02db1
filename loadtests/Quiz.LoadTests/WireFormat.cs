using System.Buffers;
using System.Text;
using System.Text.Json;
using MessagePack;
using MessagePack.Resolvers;

namespace Quiz.LoadTests;

/// <summary>One hub message as the load client needs it: its type, invocation id, target, first argument or result, error.</summary>
internal readonly record struct HubMessage(int Type, string? InvocationId, string? Target, JsonElement Payload, string? Error);

/// <summary>The two SignalR hub protocols, reduced to what the load client sends and reads.</summary>
internal abstract class WireFormat
{
    public abstract string Name { get; }

    public abstract bool Binary { get; }

    public abstract byte[] Invocation(string invocationId, string target, object? argument);

    public abstract byte[] Ping();

    public abstract IEnumerable<HubMessage> Read(byte[] frame);

    public static WireFormat Of(string protocol) => protocol == "messagepack" ? new MessagePackFormat() : new JsonFormat();
}

/// <summary>JSON: UTF-8 text messages, each ended by the record separator 0x1e.</summary>
internal sealed class JsonFormat : WireFormat
{
    public const byte Separator = 0x1e;

    public override string Name => "json";

    public override bool Binary => false;

    public override byte[] Invocation(string invocationId, string target, object? argument) =>
        Framed(JsonSerializer.SerializeToUtf8Bytes(new { type = 1, invocationId, target, arguments = argument is null ? [] : new[] { argument } }, Json.Options));

    public override byte[] Ping() => Framed("{\"type\":6}"u8.ToArray());

    public override IEnumerable<HubMessage> Read(byte[] frame)
    {
        var start = 0;
        for (var i = 0; i < frame.Length; i++)
        {
            if (frame[i] != Separator)
            {
                continue;
            }
            using var doc = JsonDocument.Parse(frame.AsMemory(start, i - start));
            var root = doc.RootElement;
            var type = root.GetProperty("type").GetInt32();
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var payload = type switch
            {
                1 when root.GetProperty("arguments").GetArrayLength() > 0 => root.GetProperty("arguments")[0].Clone(),
                3 when root.TryGetProperty("result", out var result) => result.Clone(),
                _ => default,
            };
            yield return new HubMessage(type, Text("invocationId"), Text("target"), payload, Text("error"));
            start = i + 1;
        }
    }

    public static byte[] Framed(byte[] json)
    {
        var framed = new byte[json.Length + 1];
        json.CopyTo(framed, 0);
        framed[^1] = Separator;
        return framed;
    }
}

/// <summary>
/// MessagePack: binary messages, each prefixed by its length as a varint; an invocation is
/// [1, headers, invocationId, target, arguments, streamIds]. Records travel as maps keyed by their property names,
/// so arguments are written with PascalCase members (JSON turns them into camelCase), and what the server sends is
/// turned into camelCase JSON so the participant code reads both protocols alike.
/// </summary>
internal sealed class MessagePackFormat : WireFormat
{
    private static readonly MessagePackSerializerOptions Options = ContractlessStandardResolver.Options;

    public override string Name => "messagepack";

    public override bool Binary => true;

    public override byte[] Invocation(string invocationId, string target, object? argument) =>
        Framed(MessagePackSerializer.Serialize<object[]>(
            [1, new Dictionary<string, string>(), invocationId, target, argument is null ? [] : new[] { argument }, Array.Empty<string>()], Options));

    public override byte[] Ping() => Framed(MessagePackSerializer.Serialize<object[]>([6], Options));

    public override IEnumerable<HubMessage> Read(byte[] frame)
    {
        var offset = 0;
        while (offset < frame.Length)
        {
            var (length, used) = ReadVarint(frame, offset);
            var message = (object[])MessagePackSerializer.Deserialize<object>(frame.AsMemory(offset + used, length), Options)!;
            offset += used + length;
            var type = Convert.ToInt32(message[0], System.Globalization.CultureInfo.InvariantCulture);
            yield return type switch
            {
                1 => new HubMessage(1, message[2] as string, message[3] as string, ToJson(((object[])message[4]).FirstOrDefault()), null),
                3 => new HubMessage(3, message[2] as string, null,
                    Convert.ToInt32(message[3], System.Globalization.CultureInfo.InvariantCulture) == 3 ? ToJson(message[4]) : default,
                    Convert.ToInt32(message[3], System.Globalization.CultureInfo.InvariantCulture) == 1 ? message[4] as string : null),
                7 => new HubMessage(7, null, null, default, message.Length > 1 ? message[1] as string : null),
                _ => new HubMessage(type, null, null, default, null),
            };
        }
    }

    private static byte[] Framed(byte[] body)
    {
        var buffer = new ArrayBufferWriter<byte>(body.Length + 5);
        var length = body.Length;
        do
        {
            var b = (byte)(length & 0x7f);
            length >>= 7;
            buffer.Write([length > 0 ? (byte)(b | 0x80) : b]);
        }
        while (length > 0);
        buffer.Write(body);
        return buffer.WrittenSpan.ToArray();
    }

    private static (int Length, int Used) ReadVarint(byte[] frame, int offset)
    {
        int length = 0, shift = 0, used = 0;
        byte b;
        do
        {
            b = frame[offset + used++];
            length |= (b & 0x7f) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return (length, used);
    }

    private static JsonElement ToJson(object? value) => JsonSerializer.SerializeToElement(Camel(value));

    private static object? Camel(object? value) => value switch
    {
        IDictionary<object, object> map => map.ToDictionary(
            kv => kv.Key is string s && s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..] : Convert.ToString(kv.Key, System.Globalization.CultureInfo.InvariantCulture)!,
            kv => Camel(kv.Value)),
        object[] items => items.Select(Camel).ToArray(),
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        _ => value,
    };
}
