package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.personnel.AccountService;
import org.jiliang.lims.personnel.ApiScope;
import org.jiliang.lims.personnel.ApiTokens;
import org.jiliang.lims.personnel.CustomerAccounts;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The users of the customer's own organisation ({@code portal/colleagues.xhtml}, issue 14), for its administrator:
 * invite a colleague with a temporary password to hand over, remove one with a reason.
 */
@Named
@ViewScoped
public class ColleaguesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CustomerAccounts accounts;
    @Inject
    private ApiTokens apiTokens;

    /** The organisation's API tokens, acting as the administrator who makes them. */
    private final TokensForm tokens = new TokensForm() {
        private static final long serialVersionUID = 1L;

        @Override
        protected List<ApiTokens.TokenView> list() {
            return apiTokens.tokens();
        }

        @Override
        protected ApiTokens.Created make(String account, String name, java.util.Set<ApiScope> scopes,
                java.time.LocalDate expiresOn) {
            return apiTokens.create(name, scopes, expiresOn);
        }

        @Override
        protected void revoke(long id) {
            apiTokens.revoke(id);
        }
    };

    private List<CustomerAccounts.Colleague> colleagues = List.of();
    @Size(max = 64)
    private String username;
    @Size(max = AccountService.MAX_DISPLAY_NAME)
    private String displayName;
    private boolean administrator;
    @Size(max = 1024)
    private String temporaryPassword;
    private final Map<String, String> reasonFor = new HashMap<>();

    public void load() {
        try {
            colleagues = accounts.colleagues();
            tokens.load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void invite() {
        char[] password = temporaryPassword == null ? new char[0] : temporaryPassword.toCharArray();
        temporaryPassword = null;
        try {
            CustomerAccounts.Colleague invited = accounts.invite(username, displayName, administrator, password);
            PageMessages.info(MessageFormat.format(PageMessages.text("colleagues.invited"), invited.username()));
            username = null;
            displayName = null;
            administrator = false;
            load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    public void remove(String colleague) {
        try {
            accounts.remove(colleague, reasonFor.get(colleague));
            PageMessages.info(MessageFormat.format(PageMessages.text("colleagues.removed"), colleague));
            load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public TokensForm getTokens() {
        return tokens;
    }

    public List<CustomerAccounts.Colleague> getColleagues() {
        return colleagues;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public void setAdministrator(boolean administrator) {
        this.administrator = administrator;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public void setTemporaryPassword(String temporaryPassword) {
        this.temporaryPassword = temporaryPassword;
    }

    public Map<String, String> getReasonFor() {
        return reasonFor;
    }
}
