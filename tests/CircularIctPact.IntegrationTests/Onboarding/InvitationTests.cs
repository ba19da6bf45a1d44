using System.Globalization;
using System.Net;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Identity;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.Testing;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Onboarding;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CircularIctPact.IntegrationTests.Onboarding;

public sealed class InvitationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string BaseUri = "https://portal.example.org/";
    private const string NewPassword = "Fresh!Start2026";

    [Fact]
    public async Task Coordinator_invites_a_contact_who_accepts_signs_in_and_sees_their_organisation()
    {
        var email = Onboard.Email("new.procurer");
        await InviteProcurerAsync(email);
        var link = portal.InvitationLinkFor(email);
        Assert.StartsWith($"{BaseUri}invitation/accept?token=", link, StringComparison.Ordinal);
        var client = NewClient();
        var path = new Uri(link).PathAndQuery;

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("Joost Bakker invited", page, StringComparison.Ordinal);
        Assert.Contains(DemoDataSeeder.ProcurerOrganisation, page, StringComparison.Ordinal);

        var response = await FormSignIn.PostFormAsync(client, path, "accept-invitation", new Dictionary<string, string>
        {
            ["Input.Token"] = MailDrop.TokenOf(link),
            ["Input.DisplayName"] = "Noor Visser",
            ["Input.Password"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Welcome, Noor Visser", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var fresh = NewClient();
        var signIn = await FormSignIn.SignInAsync(fresh, email, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var organisation = WebUtility.HtmlDecode(await fresh.GetStringAsync("/my-organisation"));
        Assert.Contains(
            $"{DemoDataSeeder.ProcurerOrganisation} is a member of {DemoDataSeeder.DutchBuyerGroup}",
            organisation,
            StringComparison.Ordinal);

        await using var db = portal.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.EmailConfirmed);
        Assert.Equal(await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation), user.MemberOrganisationId);
        var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
        Assert.NotNull(invitation.AcceptedAt);
        Assert.Equal(user.Id, invitation.AcceptedUserId);
        Assert.NotEqual(MailDrop.TokenOf(link), invitation.TokenHash);
        Assert.Equal(InvitationTokens.Hash(MailDrop.TokenOf(link)), invitation.TokenHash);
    }

    [Fact]
    public async Task Accepting_an_invitation_in_Dutch_makes_Dutch_the_accounts_language()
    {
        var email = Onboard.Email("dutch");
        await InviteProcurerAsync(email);
        var token = MailDrop.TokenOf(portal.InvitationLinkFor(email));

        await InDutchAsync(() => AcceptAsync(token));

        await using var db = portal.CreateDbContext();
        Assert.Equal("nl", await db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync());
    }

    [Fact]
    public async Task Invitation_link_works_only_once()
    {
        var email = Onboard.Email("once");
        await InviteProcurerAsync(email);
        var token = MailDrop.TokenOf(portal.InvitationLinkFor(email));
        await AcceptAsync(token);

        var second = await Assert.ThrowsAsync<InvitationUnavailableException>(() => AcceptAsync(token, "Someone Else"));

        Assert.Equal(InvitationLinkState.Accepted, second.State);
        var page = WebUtility.HtmlDecode(await NewClient().GetStringAsync($"/invitation/accept?token={Uri.EscapeDataString(token)}"));
        Assert.Contains("already been used", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Create my account", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_invitation_shows_its_own_message_and_creates_no_account()
    {
        var email = Onboard.Email("late");
        await InviteProcurerAsync(email);
        var token = MailDrop.TokenOf(portal.InvitationLinkFor(email));
        await using (var db = portal.CreateDbContext())
        {
            await db.Invitations
                .Where(i => i.Email == email)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var refused = await Assert.ThrowsAsync<InvitationUnavailableException>(() => AcceptAsync(token));

        Assert.Equal(InvitationLinkState.Expired, refused.State);
        var page = WebUtility.HtmlDecode(await NewClient().GetStringAsync($"/invitation/accept?token={Uri.EscapeDataString(token)}"));
        Assert.Contains("This invitation has expired", page, StringComparison.Ordinal);
        await AssertNoAccountAsync(email);
    }

    [Fact]
    public async Task Forged_token_shows_that_the_link_is_not_valid()
    {
        var forged = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var refused = await Assert.ThrowsAsync<InvitationUnavailableException>(() => AcceptAsync(forged));
        var page = WebUtility.HtmlDecode(await NewClient().GetStringAsync($"/invitation/accept?token={forged}"));
        var noToken = WebUtility.HtmlDecode(await NewClient().GetStringAsync("/invitation/accept"));

        Assert.Equal(InvitationLinkState.Unknown, refused.State);
        Assert.Contains("This invitation link is not valid", page, StringComparison.Ordinal);
        Assert.Contains("This invitation link is not valid", noToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_invitation_shows_that_it_was_withdrawn_and_creates_no_account()
    {
        var email = Onboard.Email("revoked");
        var id = await InviteProcurerAsync(email);
        var token = MailDrop.TokenOf(portal.InvitationLinkFor(email));
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        await portal.WithServiceAsync<Invitations>(s => s.RevokeAsync(coordinator, id));

        var refused = await Assert.ThrowsAsync<InvitationUnavailableException>(() => AcceptAsync(token));

        Assert.Equal(InvitationLinkState.Revoked, refused.State);
        var page = WebUtility.HtmlDecode(await NewClient().GetStringAsync($"/invitation/accept?token={Uri.EscapeDataString(token)}"));
        Assert.Contains("withdrawn", page, StringComparison.Ordinal);
        await AssertNoAccountAsync(email);
        var rows = await portal.WithServiceAsync<Invitations, IReadOnlyList<InvitationRow>>(s => s.ListAsync(coordinator));
        Assert.Equal(InvitationState.Revoked, rows.Single(r => r.Id == id).State);
    }

    [Fact]
    public async Task Resend_sends_a_new_link_and_the_old_one_stops_working()
    {
        var email = Onboard.Email("resend");
        var id = await InviteProcurerAsync(email);
        var oldToken = MailDrop.TokenOf(portal.InvitationLinkFor(email));
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        await portal.WithServiceAsync<Invitations>(s => s.ResendAsync(coordinator, id, BaseUri));
        var newToken = MailDrop.TokenOf(portal.InvitationLinkFor(email));

        Assert.NotEqual(oldToken, newToken);
        var old = await Assert.ThrowsAsync<InvitationUnavailableException>(() => AcceptAsync(oldToken));
        Assert.Equal(InvitationLinkState.Unknown, old.State);
        await AcceptAsync(newToken);
        Assert.Equal(2, portal.To(email).Count);
    }

    [Fact]
    public async Task Two_parallel_accepts_of_one_link_create_exactly_one_account()
    {
        var email = Onboard.Email("race");
        await InviteProcurerAsync(email);
        var token = MailDrop.TokenOf(portal.InvitationLinkFor(email));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async n =>
        {
            try
            {
                await AcceptAsync(token, $"Racer {n}");
                return true;
            }
            catch (InvitationUnavailableException)
            {
                return false;
            }
            catch (FieldErrorsException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(success => success));
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Weak_password_is_refused_next_to_the_field_and_the_invitation_stays_usable()
    {
        var email = Onboard.Email("weak");
        await InviteProcurerAsync(email);
        var token = MailDrop.TokenOf(portal.InvitationLinkFor(email));

        var errors = await Assert.ThrowsAsync<FieldErrorsException>(
            () => portal.WithServiceAsync<InvitationAcceptance, ApplicationUser>(s => s.AcceptAsync(token, "Weak Walter", "short")));

        Assert.All(errors.Errors, e => Assert.Equal(InvitationAcceptance.PasswordField, e.Field));
        Assert.Contains(errors.Errors, e => e.Message.Contains("at least 10 characters", StringComparison.Ordinal));
        await AssertNoAccountAsync(email);
        var response = await FormSignIn.PostFormAsync(
            NewClient(),
            $"/invitation/accept?token={Uri.EscapeDataString(token)}",
            "accept-invitation",
            new Dictionary<string, string>
            {
                ["Input.Token"] = token,
                ["Input.DisplayName"] = "Weak Walter",
                ["Input.Password"] = "Password1!",
            });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        FieldErrorMarkup.AssertTiedError(page, "Input.Password", "This password is one of the most commonly used ones.");
        await AcceptAsync(token);
    }

    [Fact]
    public async Task Coordinator_of_another_group_cannot_invite_into_its_organisations_nor_manage_its_invitations()
    {
        var email = Onboard.Email("crossgroup");
        var dutchInvitation = await InviteProcurerAsync(Onboard.Email("dutch"));
        var belgian = await portal.PrincipalForAsync(DemoAccounts.CoordinatorBelgium);
        var organisation = await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation);

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(belgian, new InvitationRequest(email, "Cross Group", [PortalRoles.Procurer], organisation, [], []), BaseUri)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<Invitations>(s => s.ResendAsync(belgian, dutchInvitation, BaseUri)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<Invitations>(s => s.RevokeAsync(belgian, dutchInvitation)));
        var visible = await portal.WithServiceAsync<Invitations, IReadOnlyList<InvitationRow>>(s => s.ListAsync(belgian));
        Assert.DoesNotContain(visible, row => row.Id == dutchInvitation);
        var options = await portal.WithServiceAsync<Invitations, InvitationOptions>(s => s.OptionsAsync(belgian));
        Assert.DoesNotContain(options.Organisations, o => o.Id == organisation);
        Assert.Empty(portal.To(email));
    }

    [Theory]
    [InlineData(PortalRoles.SecretariatAdmin)]
    [InlineData(PortalRoles.BuyerGroupCoordinator)]
    [InlineData(PortalRoles.WorkingGroupChair)]
    public async Task Coordinator_cannot_invite_anyone_into_other_roles(string role)
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var organisation = await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation);

        var denied = await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(
                coordinator,
                new InvitationRequest(Onboard.Email("climber"), "Role Climber", [PortalRoles.Procurer, role], organisation, [], []),
                BaseUri)));

        Assert.Contains("secretariat", denied.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string?> PeopleWhoCannotInvite => [DemoAccounts.Procurer, DemoAccounts.Chair, null];

    [Theory]
    [MemberData(nameof(PeopleWhoCannotInvite))]
    public async Task Procurer_chair_and_anonymous_cannot_invite_or_list_invitations(string? email)
    {
        var user = email is null ? PortalFactoryExtensions.Anonymous : await portal.PrincipalForAsync(email);
        var organisation = await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation);

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(user, new InvitationRequest(Onboard.Email("x"), "X", [PortalRoles.Procurer], organisation, [], []), BaseUri)));
        await Assert.ThrowsAsync<ForbiddenException>(
            () => portal.WithServiceAsync<Invitations, IReadOnlyList<InvitationRow>>(s => s.ListAsync(user)));
    }

    [Fact]
    public async Task Inviting_an_email_that_already_has_an_account_is_refused_with_a_pointer()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var organisation = await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation);

        var byCoordinator = await Assert.ThrowsAsync<FieldErrorsException>(() => portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(
                coordinator,
                new InvitationRequest(DemoAccounts.Chair.ToUpperInvariant(), "Lars", [PortalRoles.Procurer], organisation, [], []),
                BaseUri)));
        var bySecretariat = await Assert.ThrowsAsync<FieldErrorsException>(() => portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(admin, new InvitationRequest(DemoAccounts.Chair, "Lars", [PortalRoles.Stakeholder], null, [], []), BaseUri)));

        Assert.Contains(
            byCoordinator.Errors,
            e => e.Field == CommonFields.Email && e.Message.Contains("already has a portal account", StringComparison.Ordinal));
        Assert.Contains(
            bySecretariat.Errors,
            e => e.Field == CommonFields.Email && e.Message.Contains("Users page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invite_with_bad_input_reports_each_field()
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);

        var errors = await Assert.ThrowsAsync<FieldErrorsException>(() => portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(coordinator, new InvitationRequest("not-an-address", " ", [PortalRoles.Procurer], null, [], []), BaseUri)));

        Assert.Contains(
            errors.Errors,
            e => e.Field == CommonFields.Email && e.Message.Contains("not a valid e-mail address", StringComparison.Ordinal));
        Assert.Contains(errors.Errors, e => e.Field == InvitationFields.Name);
        Assert.Contains(errors.Errors, e => e.Field == InvitationFields.Organisation);
    }

    [Fact]
    public async Task Secretariat_invites_a_coordinator_and_chair_whose_scopes_apply_on_acceptance()
    {
        var admin = await portal.PrincipalForAsync(DemoAccounts.Admin);
        var email = Onboard.Email("new.coordinator");
        var belgianGroup = await portal.GroupIdAsync(DemoDataSeeder.BelgianBuyerGroup);
        Guid workingGroup;
        await using (var db = portal.CreateDbContext())
        {
            workingGroup = await db.WorkingGroups.Where(g => g.Name == DemoDataSeeder.ChairedWorkingGroup).Select(g => g.Id).SingleAsync();
        }

        await portal.WithServiceAsync<Invitations, Guid>(s => s.InviteAsync(
            admin,
            new InvitationRequest(
                email,
                "Camille Dubois",
                [PortalRoles.BuyerGroupCoordinator, PortalRoles.WorkingGroupChair],
                null,
                [belgianGroup],
                [workingGroup]),
            BaseUri));
        var user = await AcceptAsync(MailDrop.TokenOf(portal.InvitationLinkFor(email)), "Camille Dubois");

        await using var check = portal.CreateDbContext();
        Assert.True(await check.BuyerGroupCoordinators.AnyAsync(c => c.BuyerGroupId == belgianGroup && c.UserId == user.Id));
        Assert.True(await check.WorkingGroupParticipants.AnyAsync(
            p => p.WorkingGroupId == workingGroup && p.UserId == user.Id && p.Role == Domain.WorkingGroups.ParticipantRole.Chair));
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        Assert.Equal([PortalRoles.BuyerGroupCoordinator, PortalRoles.WorkingGroupChair], roles.Order(StringComparer.Ordinal));
        Assert.True(await check.AuditEntries.AnyAsync(e => e.EntityId == user.Id && e.Action == "InvitationAccepted"));
    }

    [Fact]
    public async Task Invitation_is_written_in_the_language_the_inviter_works_in()
    {
        var email = Onboard.Email("dutch.procurer");
        await InDutchAsync(() => InviteProcurerAsync(email));

        var mail = Assert.Single(portal.To(email));
        Assert.Equal("Uw uitnodiging voor het portaal van de Circular & Fair ICT Pact", mail.Subject);
        Assert.Contains("Beste Noor Visser,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(
            $"nodigt u uit voor het portaal van de Circular & Fair ICT Pact als inkoper van {DemoDataSeeder.ProcurerOrganisation}.",
            mail.TextBody,
            StringComparison.Ordinal);
        Assert.StartsWith($"{BaseUri}invitation/accept?token=", portal.InvitationLinkFor(email), StringComparison.Ordinal);
    }

    private async Task<Guid> InviteProcurerAsync(string email)
    {
        var coordinator = await portal.PrincipalForAsync(DemoAccounts.CoordinatorNetherlands);
        var organisation = await portal.OrganisationIdAsync(DemoDataSeeder.ProcurerOrganisation);
        return await portal.WithServiceAsync<Invitations, Guid>(s =>
            s.InviteAsync(coordinator, new InvitationRequest(email, "Noor Visser", [PortalRoles.Procurer], organisation, [], []), BaseUri));
    }

    /// <summary>Runs <paramref name="action"/> as a page in Dutch would, then gives the thread its language back.</summary>
    private static async Task InDutchAsync(Func<Task> action)
    {
        var interfaceLanguage = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
        try
        {
            await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = interfaceLanguage;
        }
    }

    private Task<ApplicationUser> AcceptAsync(string token, string name = "Noor Visser") =>
        portal.WithServiceAsync<InvitationAcceptance, ApplicationUser>(s => s.AcceptAsync(token, name, NewPassword));

    private async Task AssertNoAccountAsync(string email)
    {
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    private HttpClient NewClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
