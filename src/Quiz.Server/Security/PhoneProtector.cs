using Microsoft.AspNetCore.DataProtection;
using Quiz.Core.Contests;

namespace Quiz.Server.Security;

/// <summary>Phone numbers at rest: authenticated encryption by Data Protection, under its own purpose.</summary>
internal sealed class PhoneProtector(IDataProtectionProvider provider) : IPhoneProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Quiz.PersonalData.v1");

    public string Protect(string value) => _protector.Protect(value);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}
