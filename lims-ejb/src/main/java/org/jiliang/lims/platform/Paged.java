package org.jiliang.lims.platform;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A page of a list and how many rows the whole selection holds (issue 11: every list read a page at a time). The
 * helpers are the rules every list's query keeps: a page of 1 to {@code maxPage} rows, a sort only by the columns
 * the list names, the rows and the count from the same conditions.
 *
 * @param rows    the page's rows
 * @param total   the rows of the whole selection; when {@code atLeast}, the rows counted (the selection holds more)
 * @param atLeast the list counts no further than a limit (a selection of a million rows): there are more than
 *                {@code total}
 */
public record Paged<T>(List<T> rows, long total, boolean atLeast) {

    /** A page of a selection counted exactly. */
    public Paged(List<T> rows, long total) {
        this(rows, total, false);
    }

    /** Refuses a page outside 0 ≤ first, 1 ≤ max ≤ maxPage. */
    public static void requirePage(int first, int max, int maxPage) {
        // String.valueOf: MessageFormat would write 1000 as "1,000"
        if (first < 0) {
            throw new RefusedException("error.list.first", String.valueOf(first));
        }
        if (max < 1 || max > maxPage) {
            throw new RefusedException("error.list.page", String.valueOf(maxPage), String.valueOf(max));
        }
    }

    /**
     * The query path to sort by: the list's own order for none, the column's path, refused for a column the list
     * does not sort by.
     */
    public static String orderBy(Map<String, String> sortable, String sortBy, String ownOrder) {
        if (sortBy == null) {
            return ownOrder;
        }
        String path = sortable.get(sortBy);
        if (path == null) {
            throw new RefusedException("error.list.sort", sortBy, String.join(", ", new java.util.TreeSet<>(
                    sortable.keySet())));
        }
        return path;
    }

    /**
     * Rows {@code first} to {@code first + max} of {@code select <selected> <from> order by <order>} and the count
     * of {@code <from>}, with the same parameters, each row mapped for the page.
     *
     * @param selected what a row is: an alias ("j") or a constructor expression
     * @param alias    the alias counted
     * @param from     "from Entity alias join ... where ..." with named parameters
     * @param order    the order by clause's contents
     */
    public static <E, T> Paged<T> query(EntityManager em, Class<E> type, String selected, String alias, String from,
            Map<String, Object> parameters, String order, int first, int max, Function<E, T> row) {
        var select = em.createQuery("select " + selected + " " + from + " order by " + order, type)
                .setFirstResult(first).setMaxResults(max);
        var count = em.createQuery("select count(" + alias + ") " + from, Long.class);
        parameters.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        return new Paged<>(select.getResultStream().map(row).toList(), count.getSingleResult());
    }
}
