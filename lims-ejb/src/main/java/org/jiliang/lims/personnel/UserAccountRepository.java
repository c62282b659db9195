package org.jiliang.lims.personnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class UserAccountRepository {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    public Optional<UserAccount> findByUsername(String username) {
        return em.createQuery("select a from UserAccount a where a.username = :u", UserAccount.class)
                .setParameter("u", username)
                .getResultStream().findFirst();
    }

    public void add(UserAccount account) {
        em.persist(account);
    }

    public long count() {
        return em.createQuery("select count(a) from UserAccount a", Long.class).getSingleResult();
    }
}
