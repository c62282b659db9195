package org.jiliang.lims.personnel;

import org.jiliang.lims.platform.Roles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jiliang.lims.registry.Customer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserAccountTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T01:00:00Z");
    private static final char[] PASSWORD = "jiliang".toCharArray();

    private final Customer food = new Customer("C0001", "华东食品有限公司", "江海市工业园区兴业路 12 号", null);

    @Test
    void aCustomerAccountBelongsToItsCustomer() {
        UserAccount account = new UserAccount("customer", "刘洋", PASSWORD, Set.of(Roles.CUSTOMER), food, CREATED);

        assertThat(account.customer()).isSameAs(food);
        assertThat(account.hasRole(Roles.CUSTOMER)).isTrue();
    }

    @Test
    void aCustomerRoleRequiresACustomer() {
        assertThatThrownBy(() -> new UserAccount("customer", "刘洋", PASSWORD, Set.of(Roles.CUSTOMER), null, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK, Roles.ADMINISTRATOR})
    void aStaffRoleForbidsACustomer(String staffRole) {
        assertThatThrownBy(() -> new UserAccount("staff", "张伟", PASSWORD, Set.of(staffRole), food, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK, Roles.ADMINISTRATOR})
    void aStaffRoleForbidsACustomerEvenBesideTheCustomerRole(String staffRole) {
        // A customer's user who also held a staff role would see other customers' jobs, or approve their own.
        assertThatThrownBy(() -> new UserAccount("customer", "刘洋", PASSWORD, Set.of(Roles.CUSTOMER, staffRole),
                food, CREATED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMemberOfStaffMayHoldSeveralStaffRoles() {
        UserAccount account = new UserAccount("quality", "赵敏", PASSWORD,
                Set.of(Roles.QUALITY_MANAGER, Roles.CHECKER), null, CREATED);

        assertThat(account.customer()).isNull();
        assertThat(account.roles()).containsExactlyInAnyOrder(Roles.QUALITY_MANAGER, Roles.CHECKER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"superuser", "Technician", "quality_manager", ""})
    void refusesAnUnknownRole(String role) {
        assertThatThrownBy(() -> new UserAccount("someone", "某人", PASSWORD, Set.of(Roles.TECHNICIAN, role), null,
                CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown role");
    }

    @Test
    void keepsItsOwnCopyOfTheRoles() {
        Set<String> roles = new HashSet<>(Set.of(Roles.TECHNICIAN));
        UserAccount account = new UserAccount("technician", "张伟", PASSWORD, roles, null, CREATED);

        roles.add(Roles.APPROVER);

        assertThat(account.hasRole(Roles.APPROVER)).isFalse();
        assertThat(account.roles()).containsExactly(Roles.TECHNICIAN);
    }

    @Test
    void storesAHashThatMatchesOnlyThePassword() {
        UserAccount account = new UserAccount("technician", "张伟", PASSWORD, Set.of(Roles.TECHNICIAN), null, CREATED);

        assertThat(account.passwordMatches("jiliang".toCharArray())).isTrue();
        assertThat(account.passwordMatches("jiliang2".toCharArray())).isFalse();
    }

    @Test
    void aNewPasswordAndDisablingEndTheSessionsOfTheAccount() {
        UserAccount account = new UserAccount("technician", "张伟", PASSWORD, Set.of(Roles.TECHNICIAN), null, CREATED);
        long stamp = account.credentialStamp();

        account.changePassword("new password of 2026".toCharArray(), CREATED.plusSeconds(60));
        assertThat(account.credentialStamp()).isGreaterThan(stamp);
        assertThat(account.passwordMatches("new password of 2026".toCharArray())).isTrue();
        assertThat(account.passwordChangedAt()).isEqualTo(CREATED.plusSeconds(60));

        long afterPassword = account.credentialStamp();
        account.disable();
        assertThat(account.enabled()).isFalse();
        assertThat(account.credentialStamp()).isGreaterThan(afterPassword);
    }

    @Test
    void aResetPasswordMustBeChangedAndEndsALock() {
        UserAccount account = new UserAccount("technician", "张伟", PASSWORD, Set.of(Roles.TECHNICIAN), null, CREATED);
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(CREATED.plusSeconds(i));
        }
        assertThat(account.failureRun().lockedAt(CREATED.plusSeconds(10))).isTrue();

        account.resetPassword("temporary password 1".toCharArray(), CREATED.plusSeconds(20));

        assertThat(account.mustChangePassword()).isTrue();
        assertThat(account.failureRun()).isEqualTo(LoginPolicy.FailureRun.NONE);
        account.changePassword("my own password 2026".toCharArray(), CREATED.plusSeconds(30));
        assertThat(account.mustChangePassword()).isFalse();
    }

    @Test
    void aHashWithFewerIterationsIsReplacedAtTheNextCorrectLogin() throws Exception {
        UserAccount account = new UserAccount("technician", "张伟", PASSWORD, Set.of(Roles.TECHNICIAN), null, CREATED);
        PasswordHasher.HashedPassword old = PasswordHasher.hashWith(PASSWORD, 100_000);
        setField(account, "passwordHash", old.hashBase64());
        setField(account, "passwordSalt", old.saltBase64());
        setField(account, "passwordIterations", 100_000);
        assertThat(account.passwordMatches(PASSWORD)).isTrue();

        assertThat(account.upgradeHash(PASSWORD)).isTrue();

        assertThat(account.passwordIterations()).isEqualTo(PasswordHasher.ITERATIONS).isEqualTo(600_000);
        assertThat(account.passwordMatches(PASSWORD)).isTrue();
        assertThat(account.upgradeHash(PASSWORD)).as("already current").isFalse();
    }

    @Test
    void rolesChangedEndTheSessionsThatCarryTheOldOnes() {
        UserAccount account = new UserAccount("technician", "张伟", PASSWORD, Set.of(Roles.TECHNICIAN), null, CREATED);
        long stamp = account.credentialStamp();

        account.changeRoles(Set.of(Roles.TECHNICIAN, Roles.CHECKER));

        assertThat(account.roles()).containsExactlyInAnyOrder(Roles.TECHNICIAN, Roles.CHECKER);
        assertThat(account.credentialStamp()).isGreaterThan(stamp);
        assertThatThrownBy(() -> account.changeRoles(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static void setField(Object target, String name, Object value) throws ReflectiveOperationException {
        var field = UserAccount.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
