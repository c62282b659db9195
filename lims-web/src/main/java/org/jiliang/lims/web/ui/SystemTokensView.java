package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jiliang.lims.personnel.ApiScope;
import org.jiliang.lims.personnel.ApiTokens;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The API tokens of the institute's own systems ({@code admin/tokens.xhtml}, issue 14), for the institute's
 * administrator: each acts as the staff account chosen, made for that system with the roles it needs.
 */
@Named
@ViewScoped
public class SystemTokensView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ApiTokens apiTokens;

    private List<String> accounts = List.of();

    private final TokensForm tokens = new TokensForm() {
        private static final long serialVersionUID = 1L;

        @Override
        protected List<ApiTokens.TokenView> list() {
            return apiTokens.systemTokens();
        }

        @Override
        protected ApiTokens.Created make(String account, String name, Set<ApiScope> scopes, LocalDate expiresOn) {
            return apiTokens.createForSystem(account, name, scopes, expiresOn);
        }

        @Override
        protected void revoke(long id) {
            apiTokens.revokeSystemToken(id);
        }

        @Override
        public List<String> getAccounts() {
            return accounts;
        }
    };

    public void load() {
        try {
            accounts = apiTokens.systemAccounts();
            tokens.load();
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public TokensForm getTokens() {
        return tokens;
    }
}
