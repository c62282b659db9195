package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.jiliang.lims.personnel.AccountService;
import org.jiliang.lims.personnel.AccountService.AccountSummary;
import org.jiliang.lims.personnel.Activity;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.procedure.ProcedureService;
import org.jiliang.lims.web.support.PageMessages;

/** Administration of accounts (admin/accounts.xhtml): roles, disabling, password resets, locks, authorizations. */
@Named
@ViewScoped
public class AccountAdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;
    @Inject
    private ProcedureService procedures;
    @Inject
    private Clock clock;

    private List<AccountSummary> rows;
    private String selected;

    // a new account
    private String newUsername;
    private String newDisplayName;
    private List<String> newRoles = new ArrayList<>();
    private String newCustomerCode;
    private String newPassword;

    // the selected account
    private List<String> roles = new ArrayList<>();
    private String displayName;
    private String reason;
    private String temporaryPassword;

    // a new authorization of the selected account
    private String procedureCode;
    private Activity activity = Activity.PERFORM;
    private String certificateNumber;
    private LocalDate validFrom;
    private LocalDate validUntil;

    public List<AccountSummary> getRows() {
        if (rows == null) {
            rows = accounts.accounts();
        }
        return rows;
    }

    public AccountSummary getAccount() {
        return selected == null ? null
                : getRows().stream().filter(a -> a.username().equals(selected)).findFirst().orElse(null);
    }

    public boolean lockedNow(AccountSummary a) {
        return a.lockedAt(clock.instant());
    }

    public void select(String username) {
        selected = username;
        AccountSummary a = getAccount();
        roles = a == null ? new ArrayList<>() : new ArrayList<>(a.roles());
        displayName = a == null ? null : a.displayName();
        reason = null;
        temporaryPassword = null;
    }

    public void create() {
        act(() -> accounts.create(new AccountService.NewAccount(newUsername, newDisplayName, new HashSet<>(newRoles),
                newCustomerCode, chars(newPassword))), "admin.accounts.created");
        if (!PageMessages.failed()) {
            select(newUsername == null ? null : newUsername.strip());
            newUsername = null;
            newDisplayName = null;
            newRoles = new ArrayList<>();
            newCustomerCode = null;
            newPassword = null;
        }
    }

    public void saveRoles() {
        act(() -> accounts.changeRoles(selected, new HashSet<>(roles)), "admin.accounts.saved");
    }

    public void rename() {
        act(() -> accounts.rename(selected, displayName), "admin.accounts.saved");
    }

    public void disable() {
        act(() -> accounts.disable(selected, reason), "admin.accounts.disabledDone");
    }

    public void enable() {
        act(() -> accounts.enable(selected), "admin.accounts.enabledDone");
    }

    public void resetPassword() {
        act(() -> accounts.resetPassword(selected, chars(temporaryPassword)), "admin.accounts.passwordReset");
        temporaryPassword = null;
    }

    public void unlock() {
        act(() -> accounts.unlock(selected), "admin.accounts.unlocked");
    }

    public void grant() {
        act(() -> accounts.grant(selected, procedureCode, activity, certificateNumber, validFrom, validUntil),
                "admin.accounts.granted");
    }

    public void withdraw(long authorizationId) {
        act(() -> accounts.withdraw(authorizationId, reason), "admin.accounts.withdrawn");
    }

    private void act(Supplier<AccountSummary> change, String doneKey) {
        try {
            change.get();
            rows = null;
            PageMessages.done(doneKey);
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public List<String> getAllRoles() {
        return Roles.ALL;
    }

    public Activity[] getActivities() {
        return Activity.values();
    }

    public List<String> getProcedureCodes() {
        return procedures.editions().stream().map(p -> p.code()).distinct().sorted().toList();
    }

    public String getSelected() {
        return selected;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewDisplayName() {
        return newDisplayName;
    }

    public void setNewDisplayName(String newDisplayName) {
        this.newDisplayName = newDisplayName;
    }

    public List<String> getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(List<String> newRoles) {
        this.newRoles = newRoles;
    }

    public String getNewCustomerCode() {
        return newCustomerCode;
    }

    public void setNewCustomerCode(String newCustomerCode) {
        this.newCustomerCode = newCustomerCode;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public void setTemporaryPassword(String temporaryPassword) {
        this.temporaryPassword = temporaryPassword;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public void setProcedureCode(String procedureCode) {
        this.procedureCode = procedureCode;
    }

    public Activity getActivity() {
        return activity;
    }

    public void setActivity(Activity activity) {
        this.activity = activity;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public void setCertificateNumber(String certificateNumber) {
        this.certificateNumber = certificateNumber;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }
}
