using Quiz.Core.Accounts;

namespace Quiz.Core.Tests.Accounts;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("admin", "admin123")]
    [InlineData("admin", "aaaaaaaaaaaaaaaa")]
    [InlineData("admin", "my-admin-is-long-enough")]
    [InlineData("wang", "Password-Hangzhou-1")]
    [InlineData("wang", "")]
    public void Weak_passwords_are_refused(string user, string password) =>
        Assert.NotEmpty(AccountRules.PasswordErrors(user, password));

    [Fact]
    public void A_long_varied_password_passes_and_unknown_roles_are_named() =>
        Assert.Multiple(
            () => Assert.Empty(AccountRules.PasswordErrors("wang", "西湖-organizer-2025")),
            () => Assert.Single(AccountRules.RoleErrors(["organizer", "root"])),
            () => Assert.NotEmpty(AccountRules.UserNameErrors("a b")),
            () => Assert.Equal("wang.li", AccountRules.Normalize(" Wang.Li ")));
}
