package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jiliang.lims.personnel.AccountService;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The owner changes their password; after an administrator's reset this is the only page they reach. The new
 * password ends the account's other sessions, so this one logs in again.
 */
@Named
@RequestScoped
public class PasswordView {

    @Inject
    private AccountService accounts;

    private String current;
    private String newPassword;
    private String repeated;

    public void change() {
        try {
            accounts.changeOwnPassword(chars(current), chars(newPassword), chars(repeated));
            PageMessages.redirect("/login.xhtml?changed=true");
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
