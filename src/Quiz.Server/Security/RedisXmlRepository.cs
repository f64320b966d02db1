using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Server.Security;

/// <summary>The Data Protection key ring in a Redis list, so every node can read what another node protected.</summary>
internal sealed class RedisXmlRepository(IConnectionMultiplexer redis, RedisKeys keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. redis.GetDatabase().ListRange(keys.DataProtectionKeys).Select(v => XElement.Parse(v.ToString()))];

    public void StoreElement(XElement element, string friendlyName) =>
        redis.GetDatabase().ListRightPush(keys.DataProtectionKeys, element.ToString(SaveOptions.DisableFormatting));
}
