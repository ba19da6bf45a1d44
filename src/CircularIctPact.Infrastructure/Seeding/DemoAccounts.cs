namespace CircularIctPact.Infrastructure.Seeding;

/// <summary>The development seed's sign-in accounts; the README lists them.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo!Pact2026";

    /// <summary>Base32 authenticator key of the secretariat admin, who must sign in with two factors.</summary>
    public const string AdminAuthenticatorKey = "CFITDEMOADMINKEYPACTSECRETARIATZ";

    public const string Admin = "admin@cfit.example";
    public const string CoordinatorNetherlands = "coordinator.nl@cfit.example";
    public const string CoordinatorBelgium = "coordinator.be@cfit.example";
    public const string Procurer = "procurer@cfit.example";
    public const string Chair = "chair@cfit.example";
    public const string Stakeholder = "stakeholder@cfit.example";
}
