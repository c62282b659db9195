package org.jiliang.lims.web.support;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.platform.Paged;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A list page's table read a page at a time from its service (issue 11: every list lazy, paged and sortable): the
 * service gets the column to sort by (the column's {@code field}, null for the list's own order), the direction and
 * the rows wanted, and answers them with how many there are in all. The page's own filters live in its view and
 * go into the source.
 *
 * @param <T> a row
 */
public final class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Reads rows {@code first} to {@code first + max} of the list sorted by {@code sortBy}. */
    @FunctionalInterface
    public interface Source<T> extends Serializable {
        Paged<T> read(String sortBy, boolean ascending, int first, int max);
    }

    /** Key of a row, for the table's row identity. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        String of(T row);
    }

    private final Source<T> source;
    private final Key<T> key;
    private final int maxPage;

    /** @param maxPage the most rows the service answers at once */
    public PagedModel(Source<T> source, Key<T> key, int maxPage) {
        this.source = source;
        this.key = key;
        this.maxPage = maxPage;
    }

    /** The last count stopped at the list's limit: there are more rows than it says. */
    private boolean atLeast;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        Paged<T> counted = source.read(null, false, 0, 1);
        atLeast = counted.atLeast();
        return (int) Math.min(Integer.MAX_VALUE, counted.total());
    }

    /** True when the count stopped at the list's limit (the page shows "10 025+"). */
    public boolean isAtLeast() {
        return atLeast;
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        // the table passes every sortable column; the one sorted is the one with an order
        SortMeta sort = sortBy.values().stream().filter(m -> m.getOrder() != null && m.getOrder() != SortOrder.UNSORTED)
                .findFirst().orElse(null);
        return source.read(sort == null ? null : sort.getField(), sort != null && sort.getOrder() == SortOrder.ASCENDING,
                first, Math.min(Math.max(pageSize, 1), maxPage)).rows();
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }
}
