package org.jiliang.lims.web.ui;

import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jiliang.lims.personnel.ApiScope;
import org.jiliang.lims.personnel.ApiToken;
import org.jiliang.lims.personnel.ApiTokens;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The API tokens section of a page (fragment {@code api-tokens.xhtml}, issue 14): the list, the form that makes one
 * (its secret shown once, on this view only) and the revocation. A customer's administrator has it on the users page
 * ({@link ColleaguesView}), the institute's administrator for the institute's systems on {@code admin/tokens.xhtml}
 * ({@link SystemTokensView}), which also names the staff account a token acts as.
 */
public abstract class TokensForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private List<ApiTokens.TokenView> tokens = List.of();
    @Size(max = ApiToken.MAX_NAME)
    private String name;
    private List<String> scopes = new ArrayList<>();
    private LocalDate expiresOn;
    @Size(max = 64)
    private String account;
    private String newSecret;

    /** The tokens shown. */
    protected abstract List<ApiTokens.TokenView> list();

    /** Makes the token ({@code account}: the staff account, only where {@link #getAccounts()} offers them). */
    protected abstract ApiTokens.Created make(String account, String name, Set<ApiScope> scopes, LocalDate expiresOn);

    protected abstract void revoke(long id);

    /** The accounts a token may act as; null where it acts as its maker. */
    public List<String> getAccounts() {
        return null;
    }

    public void load() {
        tokens = list();
    }

    public void create() {
        try {
            Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
            for (String scope : scopes) {
                Arrays.stream(ApiScope.values()).filter(a -> a.name().equals(scope)).forEach(chosen::add);
            }
            newSecret = make(account, name, chosen, expiresOn).secret();
            name = null;
            scopes = new ArrayList<>();
            expiresOn = null;
            account = null;
            load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void revokeToken(long id) {
        try {
            revoke(id);
            newSecret = null;
            load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public List<ApiTokens.TokenView> getTokens() {
        return tokens;
    }

    public ApiScope[] getScopeChoices() {
        return ApiScope.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getNewSecret() {
        return newSecret;
    }
}
