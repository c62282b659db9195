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
import org.jiliang.lims.personnel.ApiToken;
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

    private List<ApiTokens.TokenView> tokens = List.of();
    @Size(max = ApiToken.MAX_NAME)
    private String tokenName;
    private List<String> tokenScopes = new java.util.ArrayList<>();
    private java.time.LocalDate tokenExpiresOn;
    /** The secret of the token just made: shown once, on this view only. */
    private String newSecret;

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
            tokens = apiTokens.tokens();
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

    /** Makes a token; its secret is shown once. */
    public void createToken() {
        try {
            java.util.Set<ApiScope> scopes = java.util.EnumSet.noneOf(ApiScope.class);
            for (String name : tokenScopes) {
                java.util.Arrays.stream(ApiScope.values()).filter(a -> a.name().equals(name)).forEach(scopes::add);
            }
            ApiTokens.Created created = apiTokens.create(tokenName, scopes, tokenExpiresOn);
            newSecret = created.secret();
            tokenName = null;
            tokenScopes = new java.util.ArrayList<>();
            tokenExpiresOn = null;
            load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void revokeToken(long id) {
        try {
            apiTokens.revoke(id);
            newSecret = null;
            load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public List<ApiTokens.TokenView> getTokens() {
        return tokens;
    }

    public ApiScope[] getScopes() {
        return ApiScope.values();
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public List<String> getTokenScopes() {
        return tokenScopes;
    }

    public void setTokenScopes(List<String> tokenScopes) {
        this.tokenScopes = tokenScopes;
    }

    public java.time.LocalDate getTokenExpiresOn() {
        return tokenExpiresOn;
    }

    public void setTokenExpiresOn(java.time.LocalDate tokenExpiresOn) {
        this.tokenExpiresOn = tokenExpiresOn;
    }

    public String getNewSecret() {
        return newSecret;
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
